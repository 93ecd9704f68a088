package org.zhucan.diner;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** What updateDiner takes: the fields to change. */
public record UpdateDinerInput(long dinerId, @Size(max = 64) String name, @Size(max = 32) String phone, Long homeCommunityId,
                               @Size(max = 255) String address, @Size(max = 500) String dietaryNotes,
                               List<@Valid DinerCategoryInput> categories) {

    @Override
    public String toString() {
        return "UpdateDinerInput[dinerId=" + dinerId + "]";
    }
}
