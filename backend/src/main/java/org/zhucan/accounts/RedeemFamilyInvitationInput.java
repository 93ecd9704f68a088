package org.zhucan.accounts;

/** redeemFamilyInvitation's input; the code and password are never logged. */
public record RedeemFamilyInvitationInput(String code, String username, String password, String displayName) {

    @Override
    public String toString() {
        return "RedeemFamilyInvitationInput[username=" + username + ", code and password hidden]";
    }
}
