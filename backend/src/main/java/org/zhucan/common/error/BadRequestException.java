package org.zhucan.common.error;

import java.util.List;

/** The request itself is malformed (not a rule the user broke). Reported as BAD_REQUEST naming the field. */
public class BadRequestException extends RuntimeException {

    private final List<String> field;

    public BadRequestException(String message, String... field) {
        super(message);
        this.field = List.of(field);
    }

    public List<String> field() {
        return field;
    }
}
