package org.zhucan.diner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What linkFamilyMember takes: a DINER account and the diner it may act for. */
public record LinkFamilyMemberInput(@NotBlank String username, long dinerId, @NotBlank @Size(max = 32) String relation) {
}
