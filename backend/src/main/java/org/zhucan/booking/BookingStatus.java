package org.zhucan.booking;

/** Where a booking stands; mirrors the schema's {@code BookingStatus}. */
public enum BookingStatus {
    BOOKED,
    CANCELLED,
    SERVED,
    NO_SHOW
}
