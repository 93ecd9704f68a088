-- Bookings paid in advance (issue 22, point 1): a payment row may belong to a booking before any meal record
-- exists. The advance is a CHARGE with booking_id and no meal record; its refund (cancellation, a void of the
-- meal it paid, or a meal whose share differs) is a REFUND with the same booking_id. When the booked meal is
-- logged for what was paid, the advance is linked to its meal record (meal_record_id set once, from NULL) and is
-- that record's charge; otherwise the advance is refunded and the meal charged by the same method.
ALTER TABLE payment
    MODIFY meal_record_id BIGINT NULL,
    ADD COLUMN booking_id BIGINT NULL AFTER meal_record_id,
    -- a booking is paid in advance once and that payment refunded once, whichever instance asks
    ADD CONSTRAINT uk_payment_booking UNIQUE (booking_id, kind),
    ADD CONSTRAINT fk_payment_booking FOREIGN KEY (booking_id) REFERENCES booking (id),
    ADD CONSTRAINT ck_payment_belongs CHECK (meal_record_id IS NOT NULL OR booking_id IS NOT NULL);
