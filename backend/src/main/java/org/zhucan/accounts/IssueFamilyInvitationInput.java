package org.zhucan.accounts;

/** issueFamilyInvitation's input. */
public record IssueFamilyInvitationInput(Long dinerId, String relation) {
}
