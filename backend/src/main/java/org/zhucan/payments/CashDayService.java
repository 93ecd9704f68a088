package org.zhucan.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.ClusterLocks;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

/**
 * The daily cash close (日结) of a site: the cash each staff member took by the records (meal shares in cash,
 * less cash refunds, and cash top-ups), what they counted and handed over, the difference with its reason.
 * A close takes in every payment and top-up of the site up to its day that no earlier close took, and then
 * nothing changes it: money recorded later for a closed day (an upload, a void) is taken by the next close.
 */
@Service
public class CashDayService {

    private final CashDayMapper mapper;
    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final AuditService audit;
    private final Clock clock;
    private final ClusterLocks clusterLocks;

    CashDayService(CashDayMapper mapper, SiteService siteService, NetworkAccess networkAccess, AuditService audit, Clock clock,
                   ClusterLocks clusterLocks) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.audit = audit;
        this.clock = clock;
        this.clusterLocks = clusterLocks;
    }

    @Transactional(readOnly = true)
    public CashDay cashDay(long siteId, LocalDate date) {
        Site site = requireReads(siteId);
        return view(site.id(), date, mapper.findDay(site.id(), date));
    }

    /** The closed days from and to as CSV for finance; text fields quoted, and kept from being read as spreadsheet formulas. */
    @Transactional(readOnly = true)
    public String closedDaysCsv(long siteId, LocalDate from, LocalDate to) {
        Site site = requireReads(siteId);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw new BadRequestException("from must not be after to, and at most 366 days before it", "to");
        }
        StringBuilder csv = new StringBuilder("date,staff,expected,counted,handed_over,handed_over_to,difference,difference_reason,closed_by,closed_at\n");
        for (CashDayMapper.CsvRow row : mapper.closedDays(site.id(), from, to)) {
            long expected = row.expectedFen() == null ? 0 : row.expectedFen();
            csv.append(row.date()).append(',').append(text(row.staff())).append(',').append(Money.ofFen(expected)).append(',')
                    .append(Money.ofFen(row.countedFen())).append(',').append(Money.ofFen(row.handedOverFen())).append(',')
                    .append(text(row.handedOverTo())).append(',').append(Money.ofFen(row.countedFen() - expected)).append(',')
                    .append(text(row.differenceReason())).append(',').append(text(row.closedBy())).append(',').append(row.closedAt()).append('\n');
        }
        return csv.toString();
    }

    /** recordCashCount: a staff member's count of an OPEN day, replacing their earlier one. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public CashDayPayload recordCount(RecordCashCountInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = requireStaff(user, input.siteId());
        List<UserError> problems = new ArrayList<>();
        checkDate(input.date(), problems);
        if (blank(input.staff()) || input.staff().length() > 64) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Name the account whose cash it is", "input", "staff"));
        }
        if (blank(input.handedOverTo()) || input.handedOverTo().strip().length() > 64) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Say to whom the cash was handed over, at most 64 characters", "input", "handedOverTo"));
        }
        if (input.counted() == null || input.counted().fen() < 0) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The cash counted is 0.00 or more", "input", "counted"));
        } else if (input.handedOver() == null || input.handedOver().fen() < 0 || input.handedOver().fen() > input.counted().fen()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Cash handed over is 0.00 up to what was counted", "input", "handedOver"));
        }
        if (input.differenceReason() != null && input.differenceReason().strip().length() > 255) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A reason has at most 255 characters", "input", "differenceReason"));
        }
        if (!problems.isEmpty()) {
            return CashDayPayload.failed(problems);
        }
        CashDayMapper.DayRow day = openDay(site.id(), input.date());
        if (day == null) {
            return CashDayPayload.failed(closedError(site.id(), input.date()));
        }
        String reason = blank(input.differenceReason()) ? null : input.differenceReason().strip();
        RecordCashCountInput count = new RecordCashCountInput(site.id(), input.date(), input.staff().strip(), input.counted(), input.handedOver(),
                input.handedOverTo().strip(), reason);
        mapper.upsertCount(day.id(), count, user.username(), now());
        audit.record("CASH_COUNTED", "CashDay", site.id() + "/" + input.date(), null, Map.of("staff", count.staff(), "counted",
                count.counted().toString(), "handedOver", count.handedOver().toString(), "handedOverTo", count.handedOverTo(),
                "reason", reason == null ? "" : reason));
        return new CashDayPayload(view(site.id(), input.date(), day), List.of());
    }

    /** closeCashDay: takes the day's money in, checks every count against it, and closes the day for good. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    public CashDayPayload close(CloseCashDayInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = requireStaff(user, input.siteId());
        List<UserError> problems = new ArrayList<>();
        checkDate(input.date(), problems);
        if (!problems.isEmpty()) {
            return CashDayPayload.failed(problems);
        }
        CashDayMapper.DayRow day = openDay(site.id(), input.date());
        if (day == null) {
            return CashDayPayload.failed(closedError(site.id(), input.date()));
        }
        // taken in first, then checked: a payment written meanwhile is either in both or in neither
        mapper.claimPayments(day.id(), site.id(), input.date());
        mapper.claimTopUps(day.id(), site.id(), input.date());
        List<CashDayMapper.StaffExpected> expected = mapper.cashByStaff(site.id(), input.date(), day.id());
        Map<String, CashDayMapper.CountRow> counts = new LinkedHashMap<>();
        mapper.counts(day.id()).forEach(count -> counts.put(count.staff(), count));
        for (CashDayMapper.StaffExpected taken : expected) {
            if (taken.expectedFen() != 0 && !counts.containsKey(taken.staff())) {
                problems.add(UserError.of(UserErrorCode.COUNT_MISSING, taken.staff() + " took " + Money.ofFen(taken.expectedFen())
                        + " in cash and has not counted it", "input", "date"));
            }
        }
        Map<String, Long> expectedByStaff = new TreeMap<>();
        expected.forEach(taken -> expectedByStaff.put(taken.staff(), taken.expectedFen()));
        counts.values().forEach(count -> {
            long difference = count.countedFen() - expectedByStaff.getOrDefault(count.staff(), 0L);
            if (difference != 0 && count.differenceReason() == null) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, count.staff() + " counted " + Money.ofFen(difference)
                        + " against the records: record a count with the reason", "input", "date"));
            }
        });
        if (!problems.isEmpty()) {
            // the rows taken in go back to the open day
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return CashDayPayload.failed(problems);
        }
        mapper.freezeExpected(day.id(), expected);
        if (mapper.closeDay(day.id(), user.username(), now()) != 1) {
            throw new IllegalStateException("cash day " + day.id() + " was closed while locked");
        }
        audit.record("CASH_DAY_CLOSED", "CashDay", site.id() + "/" + input.date(), Map.of("status", "OPEN"),
                Map.of("status", "CLOSED", "expectedCash", expectedByStaff.entrySet().stream()
                        .map(e -> e.getKey() + "=" + Money.ofFen(e.getValue())).toList()));
        return new CashDayPayload(view(site.id(), input.date(), mapper.findDay(site.id(), input.date())), List.of());
    }

    /** The day's row locked, or null when it or a later day of the site is closed. */
    private CashDayMapper.DayRow openDay(long siteId, LocalDate date) {
        mapper.ensureDay(siteId, date);
        clusterLocks.lock("cash-day", siteId + "/" + date);
        CashDayMapper.DayRow day = mapper.lockDay(siteId, date);
        if (day.status() == CashDayStatus.CLOSED || mapper.lastClosedAfter(siteId, date) != null) {
            return null;
        }
        return day;
    }

    private UserError closedError(long siteId, LocalDate date) {
        LocalDate later = mapper.lastClosedAfter(siteId, date);
        return later == null
                ? UserError.of(UserErrorCode.DAY_CLOSED, "The cash day " + date + " is closed; corrections go to the next open day", "input", "date")
                : UserError.of(UserErrorCode.DAY_CLOSED, "The cash day " + later + " is closed and took in this day's money", "input", "date");
    }

    private CashDay view(long siteId, LocalDate date, CashDayMapper.DayRow day) {
        Long closedId = day != null && day.status() == CashDayStatus.CLOSED ? day.id() : null;
        Map<String, Long> expected = new TreeMap<>();
        mapper.cashByStaff(siteId, date, closedId).forEach(taken -> expected.put(taken.staff(), taken.expectedFen()));
        Map<String, CashDayMapper.CountRow> counts = new TreeMap<>();
        if (day != null) {
            mapper.counts(day.id()).forEach(count -> counts.put(count.staff(), count));
        }
        counts.keySet().forEach(staff -> expected.putIfAbsent(staff, 0L));
        List<StaffCash> staff = expected.entrySet().stream().map(e -> {
            CashDayMapper.CountRow count = counts.get(e.getKey());
            return count == null ? new StaffCash(e.getKey(), Money.ofFen(e.getValue()), null, null, null, null, null)
                    : new StaffCash(e.getKey(), Money.ofFen(e.getValue()), Money.ofFen(count.countedFen()), Money.ofFen(count.handedOverFen()),
                            count.handedOverTo(), Money.ofFen(count.countedFen() - e.getValue()), count.differenceReason());
        }).toList();
        return new CashDay(siteId, date, closedId == null ? CashDayStatus.OPEN : CashDayStatus.CLOSED, day == null ? null : day.closedBy(),
                day == null ? null : day.closedAt(), staff, mapper.byMethod(siteId, date, closedId));
    }

    private void checkDate(LocalDate date, List<UserError> problems) {
        if (date == null || date.isAfter(BusinessTime.today(clock))) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A cash day is today or before", "input", "date"));
        }
    }

    private Site requireStaff(CurrentUser user, long siteId) {
        Site site = siteService.require(siteId);
        networkAccess.requireStaffOf(user, site, "cash days are counted and closed by the site's staff");
        return site;
    }

    private Site requireReads(long siteId) {
        Site site = siteService.require(siteId);
        if (!networkAccess.covers(networkAccess.staffScope(CurrentUser.get(), "cash days are for the site's staff, finance and administrators"), site)) {
            throw new AccessDeniedException("the site is outside the caller's scope");
        }
        return site;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A CSV field: quoted, quotes doubled, and a leading = + - @ defused so that a spreadsheet shows it as text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
