package org.zhucan.diner;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;

public record RegisterDinerInput(@NotBlank @Size(max = 64) String name, String idNumber, @Size(max = 32) String phone,
                                 long homeCommunityId, @NotBlank @Size(max = 255) String address,
                                 @Size(max = 500) String dietaryNotes, List<@Valid DinerCategoryInput> categories,
                                 Long residenceCommunityId, @Size(max = 255) String residenceAddress, List<Allergen> allergies,
                                 List<DietNeed> dietNeeds) {

    /** Never the ID or phone number: a stray log line must not leak them. */
    @Override
    public String toString() {
        return "RegisterDinerInput[name=" + name + ", homeCommunityId=" + homeCommunityId + "]";
    }
}
