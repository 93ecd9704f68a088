package org.zhucan.accounts;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of changePassword. */
public record ChangePasswordResult(boolean changed, List<UserError> userErrors) {
}
