package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Payments of meal records and the prepaid balances they move; SQL in PaymentMapper.xml. */
@Mapper
interface PaymentMapper {

    /** One payment, given its id; many go as a batch through {@link org.zhucan.common.sql.BatchedStatements}. */
    void insertPayment(NewPayment row);

    /** Plain meal charges as one JSON array ({@link MealChargeRows}), for a round trip: no ids come back. */
    void insertChargesOf(@Param("charges") String charges);

    /** One ledger entry (batched, as {@link #insertPayment}). */
    void insertEntry(NewEntry row);

    List<Payment> findByMealRecords(@Param("ids") Collection<Long> mealRecordIds);

    /** The charge of a meal record, if it has one (records written before payments were recorded have none). */
    Payment findChargeOf(@Param("mealRecordId") long mealRecordId);

    /** The payments of bookings paid in advance: advances and their refunds. */
    List<Payment> findByBookings(@Param("ids") Collection<Long> bookingIds);

    Payment findById(@Param("id") long id);

    /** A booking's advance, refunded or not. */
    Payment findAdvanceOf(@Param("bookingId") long bookingId);

    /** The advances of these bookings that paid no meal yet and were never refunded. */
    List<Payment> findOpenAdvances(@Param("ids") Collection<Long> bookingIds);

    /** Makes an advance the charge of the meal it paid: 1 row, or 0 when it paid one already. */
    int linkAdvance(@Param("id") long advanceId, @Param("mealRecordId") long mealRecordId);

    /** Takes from a balance only as far as it reaches: 0 rows when it holds less than the amount (or none). */
    int takeFromBalance(@Param("dinerId") long dinerId, @Param("amountFen") long amountFen, @Param("at") Instant at);

    /** Adds to a balance, opening it with the amount when the diner has none yet. */
    void addToBalance(@Param("dinerId") long dinerId, @Param("amountFen") long amountFen, @Param("at") Instant at);

    /** A payment row to insert; its id is set by the insert. */
    final class NewPayment {

        private Long id;
        final PaymentKind kind;
        final PaymentMethod method;
        final long amountFen;
        final long siteId;
        final long dinerId;
        final Long mealRecordId;
        final Long bookingId;
        final String externalReference;
        final Long refundsId;
        final String takenBy;
        final Instant takenAt;
        final LocalDate cashDate;

        NewPayment(PaymentKind kind, PaymentMethod method, long amountFen, long siteId, long dinerId, Long mealRecordId, Long bookingId,
                   String externalReference, Long refundsId, String takenBy, Instant takenAt, LocalDate cashDate) {
            this.kind = kind;
            this.method = method;
            this.amountFen = amountFen;
            this.siteId = siteId;
            this.dinerId = dinerId;
            this.mealRecordId = mealRecordId;
            this.bookingId = bookingId;
            this.externalReference = externalReference;
            this.refundsId = refundsId;
            this.takenBy = takenBy;
            this.takenAt = takenAt;
            this.cashDate = cashDate;
        }

        long id() {
            return id;
        }
    }

    /** A prepaid ledger entry to insert. */
    record NewEntry(long dinerId, PrepaidEntryKind kind, long amountFen, PaymentMethod method, String externalReference, Long paymentId,
                    Long siteId, String reason, LocalDate cashDate, String createdBy, Instant createdAt) {
    }
}
