package org.zhucan.common.error;

/** Stable codes for user errors; mirrors the {@code UserErrorCode} enum of the schema. */
public enum UserErrorCode {
    INVALID_INPUT,
    INVALID_CREDENTIALS
}
