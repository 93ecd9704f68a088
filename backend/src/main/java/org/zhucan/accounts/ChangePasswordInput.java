package org.zhucan.accounts;

/** changePassword's input; never logged. */
public record ChangePasswordInput(String oldPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordInput[passwords hidden]";
    }
}
