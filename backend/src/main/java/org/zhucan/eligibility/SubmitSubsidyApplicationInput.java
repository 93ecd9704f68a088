package org.zhucan.eligibility;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SubmitSubsidyApplicationInput(long dinerId, @NotNull @Size(max = 20) List<@Valid ClaimedCategoryInput> claims,
                                     @Size(max = 500) String note, @Size(max = 64) String callReference) {
}
