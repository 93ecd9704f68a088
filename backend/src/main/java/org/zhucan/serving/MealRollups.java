package org.zhucan.serving;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.security.CurrentUser;

/**
 * The daily roll-ups of meal records (V26) that dashboards and evaluations read instead of the
 * records: kept by marking, never by adding deltas. Whatever changes a site's day (a meal, a
 * void, a correction, a flag on a record) marks the day in its own transaction, with one statement
 * ({@link #changed}); a reader takes the roll-up's rows for unmarked days and computes marked ones
 * from the records, in one snapshot, so that it sees exactly what the records say; a job computes
 * marked days again and removes each mark only if its stamp did not change meanwhile.
 *
 * <p>Why marks and not deltas: a void changes who counts as a diner and whether a slot has a
 * flagged meal, a two-sites flag lands on another site's record, and distinct diners do not add
 * up; a day computed from its records is right by construction, and a mark costs one statement
 * whatever the change. The mark is a row per site and day, so the counter writes of one site
 * serialize on it from that statement to their commit (it comes last in the transaction): one
 * site's meals are written one after another anyway at a counter, and other sites are not held.
 */
@Service
public class MealRollups {

    /** Site days computed in one transaction. */
    static final int BATCH = 200;
    /** Days one rebuild covers at most. */
    static final int MAX_REBUILD_DAYS = 366;

    private final MealRollupMapper mapper;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate readCommitted;
    private final ApplicationEventPublisher events;

    MealRollups(MealRollupMapper mapper, AuditService audit, Clock clock, PlatformTransactionManager transactions,
                ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        // no gap locks on the roll-up rows it replaces, and each statement reads what is committed by then
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Marks site days whose records changed, in the caller's transaction: one statement however
     * many. Every writer of meal records and their flags calls it; so does anything that writes
     * records by SQL (the demo history).
     */
    @Transactional
    public void changed(Collection<SiteDay> days) {
        if (days.isEmpty()) {
            return;
        }
        // a mark of this writer's own (V41): writers never wait on one another's marks, nor conflict on a Galera cluster
        List<SiteDay> sorted = days.stream().distinct().sorted(Comparator.comparing(SiteDay::date).thenComparingLong(SiteDay::siteId)).toList();
        mapper.mark(sorted, ThreadLocalRandom.current().nextLong(1, 1L << 62));
    }

    /**
     * Computes marked site days again, the oldest first, up to {@code limit} of them: what the job
     * runs. Returns how many site days it computed (a day changed while it was computed keeps the newer mark).
     */
    public int computeMarked(int limit) {
        List<MealRollupMapper.Dirty> marked = mapper.dirtyBatch(null, null, limit);
        int computed = 0;
        for (int from = 0; from < marked.size(); from += BATCH) {
            computed += compute(marked.subList(from, Math.min(from + BATCH, marked.size())));
        }
        return computed;
    }

    /**
     * rebuildMealRollups (the national ADMIN): every site day between the dates with records or roll-up rows is
     * marked and computed again from the records. For a roll-up that went wrong (records written
     * around the application, a bug since fixed); reads are right meanwhile, as they compute marked
     * days themselves.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public RebuildResult rebuild(LocalDate from, LocalDate to) {
        if (CurrentUser.get().regionId() != null) {
            // it computes every site's days, not only the region's
            throw new AccessDeniedException("roll-ups are rebuilt by the national administrator");
        }
        List<UserError> problems = new ArrayList<>();
        if (to.isBefore(from)) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "to is before from", "input", "to"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_REBUILD_DAYS) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "At most " + MAX_REBUILD_DAYS + " days at once", "input", "to"));
        }
        if (!problems.isEmpty()) {
            return new RebuildResult(null, List.copyOf(problems));
        }
        Rebuilt rebuilt = rebuildBetween(from, to);
        audit.record("MEAL_ROLLUPS_REBUILT", "MealRollup", from + ".." + to, null,
                Map.of("siteDays", rebuilt.siteDays(), "computed", rebuilt.computed(), "stillMarked", rebuilt.stillMarked()));
        return new RebuildResult(rebuilt, List.of());
    }

    /** {@link #rebuild} without the caller's checks: for the benchmark's seeded records and for tests. */
    Rebuilt rebuildBetween(LocalDate from, LocalDate to) {
        List<SiteDay> days = mapper.siteDaysBetween(from, to);
        for (int start = 0; start < days.size(); start += 1000) {
            List<SiteDay> chunk = days.subList(start, Math.min(start + 1000, days.size()));
            TransientFailures.retry(() -> readCommitted.execute(status -> {
                changed(chunk);
                return null;
            }));
        }
        int computed = 0;
        // each mark once: a day that keeps changing (a site serving now) is left to the job
        for (int rounds = days.size() / BATCH + 2; rounds > 0; rounds--) {
            List<MealRollupMapper.Dirty> batch = mapper.dirtyBatch(from, to, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            int done = compute(batch);
            computed += done;
            if (done == 0) {
                break;
            }
        }
        int stillMarked = (int) mapper.dirtyBatch(from, to, Integer.MAX_VALUE).stream().map(MealRollups::siteDay).distinct().count();
        events.publishEvent(new MealRollupsRebuilt(from, to));
        return new Rebuilt(from, to, days.size(), computed, stillMarked, clock.instant());
    }

    /**
     * The rows of these marked days computed from the records and written in place of theirs, and
     * the marks read removed (a mark written meanwhile stays): in one transaction, retried when it
     * loses a deadlock to another instance's job. Returns the site days computed. Only a job removes
     * marks, and it removes those it computed, so a mark read and then gone was computed by another.
     */
    private int compute(List<MealRollupMapper.Dirty> marked) {
        List<SiteDay> days = marked.stream().map(MealRollups::siteDay).distinct().toList();
        return TransientFailures.retry(() -> readCommitted.execute(status -> {
            List<MealRollupMapper.SlotRow> slots = mapper.computeSlots(days);
            List<MealRollupMapper.DayRow> dayRows = mapper.computeDays(days);
            mapper.deleteSlots(days);
            mapper.deleteDays(days);
            if (!slots.isEmpty()) {
                mapper.insertSlots(slots);
            }
            if (!dayRows.isEmpty()) {
                mapper.insertDays(dayRows);
            }
            mapper.unmark(marked);
            return days.size();
        }));
    }

    private static SiteDay siteDay(MealRollupMapper.Dirty mark) {
        return new SiteDay(mark.siteId(), mark.date());
    }

    /**
     * @param siteDays site days between the dates with records or roll-up rows
     * @param computed of them, those computed again and unmarked
     * @param stillMarked site days left marked between the dates (changed while computed): the job takes them
     */
    public record Rebuilt(LocalDate from, LocalDate to, int siteDays, int computed, int stillMarked, java.time.Instant at) {
    }

    public record RebuildResult(Rebuilt rebuilt, List<UserError> userErrors) {
    }
}
