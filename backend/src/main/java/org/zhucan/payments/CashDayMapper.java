package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Cash days, their counts, and the money they take in; SQL in CashDayMapper.xml. A day's money is the site's
 * payments and top-ups it took in when CLOSED ({@code dayId}), or, while OPEN (dayId null), those no close
 * has taken in up to its date.
 */
@Mapper
interface CashDayMapper {

    /** The day's row, made OPEN when it has none yet. */
    void ensureDay(@Param("siteId") long siteId, @Param("date") LocalDate date);

    /** The day's row, locked until the transaction ends: counts and the close of one day wait on each other. */
    DayRow lockDay(@Param("siteId") long siteId, @Param("date") LocalDate date);

    DayRow findDay(@Param("siteId") long siteId, @Param("date") LocalDate date);

    LocalDate lastClosedAfter(@Param("siteId") long siteId, @Param("date") LocalDate date);

    List<StaffExpected> cashByStaff(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("dayId") Long dayId);

    List<MethodTotal> byMethod(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("dayId") Long dayId);

    List<CountRow> counts(@Param("dayId") long dayId);

    void upsertCount(@Param("dayId") long dayId, @Param("c") RecordCashCountInput count, @Param("by") String by, @Param("at") Instant at);

    int claimPayments(@Param("dayId") long dayId, @Param("siteId") long siteId, @Param("date") LocalDate date);

    int claimTopUps(@Param("dayId") long dayId, @Param("siteId") long siteId, @Param("date") LocalDate date);

    void freezeExpected(@Param("dayId") long dayId, @Param("expected") List<StaffExpected> expected);

    int closeDay(@Param("dayId") long dayId, @Param("by") String by, @Param("at") Instant at);

    List<CsvRow> closedDays(@Param("siteId") long siteId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    record DayRow(long id, CashDayStatus status, String closedBy, Instant closedAt) {
    }

    record StaffExpected(String staff, long expectedFen) {
    }

    record CountRow(String staff, long countedFen, long handedOverFen, String handedOverTo, String differenceReason, Long expectedFen) {
    }

    record CsvRow(LocalDate date, String staff, Long expectedFen, long countedFen, long handedOverFen, String handedOverTo, String differenceReason,
                  String closedBy, Instant closedAt) {
    }
}
