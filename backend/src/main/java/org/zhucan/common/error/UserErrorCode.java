package org.zhucan.common.error;

/** Stable codes for user errors; mirrors the {@code UserErrorCode} enum of the schema. */
public enum UserErrorCode {
    INVALID_INPUT,
    INVALID_CREDENTIALS,
    INVALID_DIVISION_CODE,
    DUPLICATE_DIVISION_CODE,
    INVALID_REGION_LEVEL,
    INVALID_CREDIT_CODE,
    DUPLICATE_CREDIT_CODE,
    INVALID_DATE_RANGE,
    INVALID_SUPPLIER,
    ILLEGAL_STATUS_TRANSITION,
    CONCURRENT_CHANGE,
    INVALID_ID_NUMBER,
    DUPLICATE_ID_NUMBER,
    TOO_YOUNG,
    INVALID_FAMILY_ACCOUNT
}
