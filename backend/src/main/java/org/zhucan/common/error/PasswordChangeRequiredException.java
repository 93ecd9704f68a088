package org.zhucan.common.error;

/**
 * The caller's account holds a password someone else set (a new account, a reset): it must change
 * it before anything but {@code changePassword} and {@code me}. A FORBIDDEN error whose
 * {@code extensions.code} is {@value #CODE}.
 */
public class PasswordChangeRequiredException extends RuntimeException {

    public static final String CODE = "PASSWORD_CHANGE_REQUIRED";

    public PasswordChangeRequiredException() {
        super("Change your password first (changePassword), then log in again: this account's password was set by an administrator");
    }
}
