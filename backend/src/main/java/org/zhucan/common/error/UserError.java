package org.zhucan.common.error;

import java.util.List;

/**
 * A rule violation the user can fix, returned inside a mutation payload. Nothing was changed.
 *
 * @param field the input path at fault, e.g. {@code ["input", "password"]}; empty when no single field is to blame
 */
public record UserError(UserErrorCode code, List<String> field, String message) {

    public UserError {
        field = List.copyOf(field);
    }

    public static UserError of(UserErrorCode code, String message, String... field) {
        return new UserError(code, List.of(field), message);
    }
}
