package org.zhucan.accounts;

/** acceptFamilyInvitation's input. */
public record AcceptFamilyInvitationInput(String code) {
}
