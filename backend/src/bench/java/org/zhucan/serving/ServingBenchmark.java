package org.zhucan.serving;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingService;
import org.zhucan.common.sql.SqlStatementCounter;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.menu.PublishedMenus;
import org.zhucan.testsupport.BenchmarkApp;
import org.zhucan.testsupport.BenchmarkGraphQl;
import org.zhucan.testsupport.BusinessDayAhead;
import org.zhucan.testsupport.CpuMeter;
import org.zhucan.testsupport.JitSettling;
import org.zhucan.testsupport.RoundRatios;
import org.zhucan.testsupport.ThreadedRun;

import static org.zhucan.testsupport.BenchmarkGraphQl.abbreviate;
import static org.zhucan.testsupport.BenchmarkGraphQl.map;

/**
 * Meals served, throughput and latency, in one run: {@code logMeal} one record at a time over the
 * real GraphQL HTTP API as the demo OPERATOR account (walk-ins on one thread, walk-ins on 8 threads
 * at one site and at a site each, and bookings served by pickup code on 8 threads at one site);
 * {@code uploadMealRecords} in batches of 1,000 offline records on one thread (and one batch
 * replayed, all duplicates); and, as the floor, raw JDBC INSERTs of the same rows
 * ({@code rewriteBatchedStatements=true}): batches of 1,000, one transaction a batch, records with
 * their items, shares and payments, and records alone; one record a transaction on 8 threads, as
 * the counter's walk-ins; and one booking served a transaction on 8 threads (its record naming the
 * booking, the booking marked served), as the counter's served bookings. The 8-thread runs and their floors are measured in
 * rounds, in turn, and each upload batch beside a floor batch; each round's ratio to its floor is printed with their median
 * ({@link ServingRounds}). Every record is a distinct diner on its date and slot, so each one is really subsidised (one
 * subsidised meal per diner, date and slot). Prints
 * figures, where the CPU went for a record and a batch on each side ({@link CpuMeter}: request threads, JIT,
 * collector, the rest of the JVM, the database server), and checks (rows, subsidised rows, flags); asserts nothing. Run with
 * {@code ./mvnw -q -pl backend -am spring-boot:test-run@serving-benchmark} (MySQL and Redis as for
 * the tests). Each run adds fresh sites, menus and about 85,000 diners (most of them for settling rounds that may not run), so point it at a scratch
 * database and a Redis database of its own, e.g.
 * {@code ZHUCAN_DB_URL=jdbc:mysql://127.0.0.1:3306/zhucan_bench_serving?createDatabaseIfNotExist=true
 * ZHUCAN_REDIS_URL=redis://127.0.0.1:6379/6}.
 *
 * <p>The benchmark sites serve lunch all day (00:00 to 23:59:59, booking cutoff 23:59:59), so the
 * counter runs can leave {@code servedAt} out (now, as a counter does) at any hour without raising
 * OUTSIDE_SERVING_HOURS flags, and today's bookings can still be made. Offline records are served
 * yesterday between 11:00 and 13:00.
 */
public final class ServingBenchmark {

    private static final int THREADS = 8;
    private static final int WARM_UP = 200;
    /** The first concurrent run after a short warm-up came out a third slower, whichever it was: a longer one on 8 threads. */
    private static final int CONCURRENT_WARM_UP = 1_000;
    private static final int SEQUENTIAL = 1_000;
    private static final int CONCURRENT = 2_000;
    private static final int BOOKED = 1_000;
    /** The 8-thread runs and their floors are measured in this many rounds, in turn (ServingRounds says why). */
    private static final int ROUNDS = 5;
    private static final int ROUND_WALK_INS = CONCURRENT / ROUNDS;
    private static final int ROUND_BOOKED = BOOKED / ROUNDS;
    /**
     * Bookings served before the settling rounds, untimed: measured cold (its first run right after the bookings were made), serving
     * a booking came to about half a walk-in, the JIT still compiling the booking's own path and bookMeal's.
     */
    private static final int BOOKED_WARM_UP = 2_000;
    private static final int BATCH = 1_000;
    /** Measured batches per run, after one warm-up batch. */
    private static final int BATCHES = 5;
    /** Further warm-up rounds of logMeal on 8 threads, a site each, until the JIT settles (JitSettling). */
    private static final int SETTLE_ROUND = 500;
    /**
     * Records the floor writes in each settling round (and a floor batch beside each settling upload), on a date of their own:
     * the measured rounds alternate with the floor's, and with the floor warmed up only before the JIT settled, the JIT
     * compiled 1.5-1.9 s while the rounds were measured (0.4-0.7 s with the floor measured after them).
     */
    private static final int SETTLE_FLOOR = 100;
    /**
     * Every this many meals of a settling round is a booking served at the shared site (booked untimed before the round), the
     * others walk-ins a site each. Until 2026-12-06 the rounds served walk-ins alone, and the served bookings, measured after
     * them, ran with 0.3-0.4 ms of compiling a booking (against 0.05 for the walk-ins): the JIT compiled their path again.
     */
    private static final int SETTLE_BOOKING_EVERY = 5;
    private static final int MAX_SETTLE_ROUNDS = JitSettling.MAX_ROUNDS;
    /**
     * Further warm-up batches of uploads, likewise: at least JitSettling.MIN_ROUNDS, until two are quiet; the settling
     * diners again, on another date. Until 2026-12-06 at most 20, all of them run, after which the uploads were measured
     * while the JIT still compiled 1.4-2.4 s (100-200 ms of a 2-core machine's CPU a batch of about 190 ms).
     */
    private static final int MAX_UPLOAD_SETTLE_BATCHES = 60;
    /** The diners the settling rounds serve, after those of the measured runs. */
    private static final int SETTLE_BASE = WARM_UP + SEQUENTIAL + CONCURRENT_WARM_UP + 2 * CONCURRENT + BOOKED_WARM_UP + BOOKED;
    /** The diners whose bookings the floor serves today, after those the settling rounds may serve. */
    private static final int FLOOR_BOOKING_BASE = SETTLE_BASE + SETTLE_ROUND * MAX_SETTLE_ROUNDS;
    /** Diners served today by the counter runs and the floor's bookings; the upload and floor runs reuse them on other dates. */
    private static final int DINERS = FLOOR_BOOKING_BASE + WARM_UP + BOOKED;
    private static final String ACTOR = "benchmark";
    private static final String OPERATOR_ACCOUNT = "operator";
    private static final String DEMO_PASSWORD = "demo1234";
    static final String SET_MEAL = "营养套餐";
    static final long SET_MEAL_PRICE_FEN = 1200;
    static final String PROXY_REASON = "老人无法出示证件";

    private static final String LOG_MEAL = """
            mutation LogMeal($input: LogMealInput!) {
              logMeal(input: $input) {
                record { id subsidy secondMeal }
                userErrors { code field message }
              }
            }""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BookingService bookings;
    private final PublishedMenus menus;
    private final BenchmarkGraphQl api;
    private final SqlStatementCounter statements;
    /** The time counter batches held the writing (CounterMealBatches): the one writer's share of a run's time. */
    private final Timer writing;
    private final ServingJdbcFloor floor;
    private final CpuMeter cpu = new CpuMeter();
    private ServingUploads uploads;
    private final String tag = "bench" + System.nanoTime();
    // a run takes 4-10 minutes; its meals are served now and its bookings made for today
    private final LocalDate today = BusinessDayAhead.todayWithAtLeast(Duration.ofMinutes(30));
    private final LocalDate yesterday = today.minusDays(1);
    private final LocalDate floorDate = today.minusDays(2);
    private final LocalDate floorRecordsOnlyDate = today.minusDays(3);
    private final LocalDate floorSingleDate = today.minusDays(4);
    private final LocalDate floorSettleDate = today.minusDays(5);
    private final LocalDate floorSettleBatchDate = today.minusDays(6);

    // per run
    private final LongAdder failures = new LongAdder();
    private final LongAdder subsidised = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private String token;
    private ServingFixtures fixtures;
    private ServingFixtures.Booked counterBookings;
    private ServingJdbcFloor.Template template;

    private ServingBenchmark(ConfigurableApplicationContext context) throws InterruptedException {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.bookings = context.getBean(BookingService.class);
        this.menus = context.getBean(PublishedMenus.class);
        this.api = new BenchmarkGraphQl(context, Duration.ofMinutes(5));
        this.statements = context.getBean(SqlStatementCounter.class);
        this.writing = context.getBean(MeterRegistry.class).get("zhucan.serving.counter.writing").timer();
        this.floor = new ServingJdbcFloor(jdbc, dataSource, tag, ACTOR, BATCH);
    }

    public static void main(String[] args) throws Exception {
        // the booking jobs would mark today's bookings no-shows mid-run once the slot has "ended"
        BenchmarkApp.run(context -> new ServingBenchmark(context).run(), "--zhucan.booking.jobs-enabled=false");
    }

    private void run() throws Exception {
        prepare();
        try {
            // ---- warm-ups: logMeal, one record a request, over HTTP; the bookings, made and the first of them served before the
            // JIT settles, so that the measured rounds find both compiled; an upload; the floors
            measure(1, WARM_UP, (thread, index) -> walkIn(fixtures.sequentialSite, index));
            ServingRounds.Result sequential = measure(1, SEQUENTIAL, (thread, index) -> walkIn(fixtures.sequentialSite, WARM_UP + index));
            measure(THREADS, CONCURRENT_WARM_UP, (thread, index) -> walkIn(fixtures.ownSites[thread], WARM_UP + SEQUENTIAL + index));
            int base = WARM_UP + SEQUENTIAL + CONCURRENT_WARM_UP;
            int bookedBase = base + 2 * CONCURRENT;
            counterBookings = fixtures.book(fixtures.sharedSite, bookedBase, BOOKED_WARM_UP + BOOKED);
            measure(THREADS, BOOKED_WARM_UP, (thread, index) -> servedBooking(bookedBase + index, counterBookings.pickupCodes()[index]));
            uploads.upload(0, "warm");
            // the floor writes the rows an upload wrote (the template), and its rounds alternate with the API's
            template = floor.template(fixtures.uploadSite);
            floor.batch(template, fixtures.floorSite, fixtures.diners, floorDate, 0, "fwarm", true);
            Instant floorNoon = floorSingleDate.atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toInstant();
            measure(THREADS, WARM_UP, (thread, index) -> floor.single(template, fixtures.floorSite, fixtures.diners[index], floorNoon, "%s-s-%05d".formatted(tag, index),
                    null));
            // a served booking's floor: the same rows, the record naming its booking, and the booking marked served (bookings made untimed)
            ServingFixtures.Booked floorBookings = fixtures.book(fixtures.floorSite, FLOOR_BOOKING_BASE, WARM_UP + BOOKED);
            Instant todayNoon = today.atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toInstant();
            measure(THREADS, WARM_UP, (thread, index) -> floor.single(template, fixtures.floorSite, fixtures.diners[FLOOR_BOOKING_BASE + index], todayNoon,
                    "%s-b-%05d".formatted(tag, index), floorBookings.ids()[index]));
            int settleRounds = JitSettling.settle(MAX_SETTLE_ROUNDS, this::settleRound);

            // ---- the counter's runs in rounds, each beside its floor: one record a transaction on as many threads, and a booking
            // served a transaction (its record naming the booking, the booking marked served)
            long jitBeforeLogMeal = JitSettling.compiledMillis();
            ServingRounds oneSite = new ServingRounds(cpu);
            ServingRounds siteEach = new ServingRounds(cpu);
            ServingRounds floorSingle = new ServingRounds(cpu);
            ServingRounds booked = new ServingRounds(cpu);
            ServingRounds floorBooked = new ServingRounds(cpu);
            for (int round = 0; round < ROUNDS; round++) {
                int walkIns = round * ROUND_WALK_INS;
                int served = round * ROUND_BOOKED;
                oneSite.add(() -> measure(THREADS, ROUND_WALK_INS, (thread, index) -> walkIn(fixtures.sharedSite, base + walkIns + index)));
                siteEach.add(() -> measure(THREADS, ROUND_WALK_INS, (thread, index) -> walkIn(fixtures.ownSites[thread], base + CONCURRENT + walkIns + index)));
                floorSingle.add(() -> measure(THREADS, ROUND_WALK_INS, (thread, index) -> floor.single(template, fixtures.floorSite,
                        fixtures.diners[WARM_UP + walkIns + index], floorNoon, "%s-s-%05d".formatted(tag, WARM_UP + walkIns + index), null)));
                booked.add(() -> measure(THREADS, ROUND_BOOKED, (thread, index) -> servedBooking(bookedBase + BOOKED_WARM_UP + served + index,
                        counterBookings.pickupCodes()[BOOKED_WARM_UP + served + index])));
                floorBooked.add(() -> measure(THREADS, ROUND_BOOKED, (thread, index) -> floor.single(template, fixtures.floorSite,
                        fixtures.diners[FLOOR_BOOKING_BASE + WARM_UP + served + index], todayNoon, "%s-b-%05d".formatted(tag, WARM_UP + served + index),
                        floorBookings.ids()[WARM_UP + served + index])));
            }
            long jitLogMeal = JitSettling.compiledMillis() - jitBeforeLogMeal;

            // ---- uploadMealRecords, batches of 1,000 on one thread, each beside a floor batch of the same rows (raw JDBC batched INSERTs)
            int uploadSettleBatches = JitSettling.settle(MAX_UPLOAD_SETTLE_BATCHES, batch -> {
                uploads.upload(SETTLE_BASE + batch * BATCH, "s" + batch);
                floor.batch(template, fixtures.floorSite, fixtures.diners, floorSettleBatchDate, SETTLE_BASE + batch * BATCH, "fs" + batch, true);
            });
            long jitBeforeUploads = JitSettling.compiledMillis();
            List<ServingUploads.Upload> batches = new ArrayList<>();
            long[] floorFull = new long[BATCHES];
            CpuMeter.Tally cpuUploads = cpu.tally();
            CpuMeter.Tally cpuFloorBatches = cpu.tally();
            for (int batch = 1; batch <= BATCHES; batch++) {
                int number = batch;
                batches.add(cpuUploads.add(() -> uploads.upload(number * BATCH, "b" + number)));
                floorFull[batch - 1] = cpuFloorBatches.add(() -> floor.batch(template, fixtures.floorSite, fixtures.diners, floorDate, number * BATCH,
                        "f" + number, true));
            }
            ServingUploads.Upload replay = uploads.upload(BATCH, "b1");
            long jitUploads = JitSettling.compiledMillis() - jitBeforeUploads;
            long[] floorBare = new long[BATCHES];
            for (int batch = 1; batch <= BATCHES; batch++) {
                floorBare[batch - 1] = floor.batch(template, fixtures.floorSite, fixtures.diners, floorRecordsOnlyDate, (batch - 1) * BATCH, "r" + batch, false);
            }

            System.out.printf("%nmeals served (%d cores; MariaDB/MySQL, Redis and this JVM on one machine; rewriteBatchedStatements=%s)%n",
                    Runtime.getRuntime().availableProcessors(), floor.rewriteBatchedStatements());
            System.out.printf("logMeal over GraphQL HTTP as OPERATOR staff, one record a request; walk-ins take the set meal %s (%.2f),%n",
                    SET_MEAL, SET_MEAL_PRICE_FEN / 100.0);
            System.out.printf("STAFF_PROXY; bookings by pickup code; servedAt left out (now); %d warm-up on 1 thread, %,d on 8; SQL/rec: statements sent%n"
                    + "(batches once, a round trip of several writes once, savepoints and commits not counted):%n", WARM_UP, CONCURRENT_WARM_UP);
            System.out.printf("  %-45s %10s %9s %9s %8s %7s %11s%n", "", "records/s", "p50 ms", "p99 ms", "SQL/rec", "failed", "subsidised");
            print("walk-ins, 1 thread", SEQUENTIAL, sequential);
            print("walk-ins, 8 threads, one site", CONCURRENT, oneSite.combined());
            print("walk-ins, 8 threads, a site each", CONCURRENT, siteEach.combined());
            print("bookings (pickup code), 8 threads, one site", BOOKED, booked.combined());
            print("JDBC floor: one record a transaction, 8 threads", CONCURRENT, floorSingle.combined());
            print("JDBC floor: a booking served a transaction", BOOKED, floorBooked.combined());
            System.out.printf("  the 8-thread runs and their floors in %d rounds, in turn (%,d walk-ins and %,d bookings a round); each round's ratio"
                    + " to its floor's:%n", ROUNDS, ROUND_WALK_INS, ROUND_BOOKED);
            System.out.printf("  %-48s %s%n", "walk-ins one site / one record a transaction",
                    RoundRatios.row(oneSite.timings(), floorSingle.timings()));
            System.out.printf("  %-48s %s%n", "walk-ins a site each / one record a transaction",
                    RoundRatios.row(siteEach.timings(), floorSingle.timings()));
            System.out.printf("  %-48s %s%n", "served bookings / a booking served",
                    RoundRatios.row(booked.timings(), floorBooked.timings()));
            System.out.printf("  JIT: %d more warm-up rounds of %d (8 threads: walk-ins a site each, every %dth a booking served) until %s; %,d ms compiling"
                    + " while the rounds were measured%n", settleRounds, SETTLE_ROUND, SETTLE_BOOKING_EVERY, JitSettling.QUIET, jitLogMeal);
            System.out.printf("  CPU ms a record, walk-ins a site each: %s%n  CPU ms a record, JDBC floor:           %s%n",
                    CpuMeter.describe(siteEach.cpuPerRecord(), "%.2f"), CpuMeter.describe(floorSingle.cpuPerRecord(), "%.2f"));
            System.out.printf("  CPU ms a served booking:               %s%n  CPU ms a served booking, JDBC floor:   %s%n",
                    CpuMeter.describe(booked.cpuPerRecord(), "%.2f"), CpuMeter.describe(floorBooked.cpuPerRecord(), "%.2f"));
            System.out.printf("  counter batches, walk-ins one site: %s%n  counter batches, walk-ins a site each: %s%n  counter batches, served bookings: %s%n",
                    oneSite.combined().writing(), siteEach.combined().writing(), booked.combined().writing());

            new ServingUploadReport(BATCH, batches, replay, uploadSettleBatches, MAX_UPLOAD_SETTLE_BATCHES, jitUploads, floorFull, floorBare, template,
                    cpuUploads, cpuFloorBatches).print();

            check();
        } finally {
            // so that another database on the same Redis never reads these menus for its own sites of the same ids
            fixtures.evictMenus();
        }
    }

    // ---------------------------------------------------------------- set-up

    /** The sites, diners and menus of the run (ServingFixtures); the operator's token; the upload client. */
    private void prepare() throws Exception {
        fixtures = new ServingFixtures(jdbc, bookings, menus, tag, ACTOR, today, THREADS, DINERS);
        token = api.login(OPERATOR_ACCOUNT, DEMO_PASSWORD);
        uploads = new ServingUploads(api, statements, token, tag, fixtures.uploadSite, fixtures.diners, yesterday, BATCH);
    }

    // ---------------------------------------------------------------- the API

    private void walkIn(long site, int diner) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", "bench-" + UUID.randomUUID());
        input.put("siteId", Long.toString(site));
        input.put("slot", "LUNCH");
        input.put("dinerId", Long.toString(fixtures.diners[diner]));
        input.put("verification", Map.of("method", "STAFF_PROXY", "proxyReason", PROXY_REASON));
        input.put("items", List.of(Map.of("setMealName", SET_MEAL)));
        logMeal(input);
    }

    /**
     * A settling round: its diners' every {@link #SETTLE_BOOKING_EVERY}th booked at the shared site (untimed), then the round's
     * meals on 8 threads, those bookings served among walk-ins a site each; then {@link #SETTLE_FLOOR} of the floor's records.
     */
    private void settleRound(int round) throws Exception {
        int base = SETTLE_BASE + round * SETTLE_ROUND;
        int booked = SETTLE_ROUND / SETTLE_BOOKING_EVERY;
        String[] codes = new String[booked];
        for (int i = 0; i < booked; i++) {
            codes[i] = fixtures.bookOne(fixtures.sharedSite, base + i * SETTLE_BOOKING_EVERY).pickupCode();
        }
        // counted as the measured rounds are (CpuMeter reads /proc around each), so that its reading is compiled as well
        CpuMeter.Tally counted = cpu.tally();
        counted.add(() -> measure(THREADS, SETTLE_ROUND, (thread, index) -> {
            if (index % SETTLE_BOOKING_EVERY == 0) {
                servedBooking(base + index, codes[index / SETTLE_BOOKING_EVERY]);
            } else {
                walkIn(fixtures.ownSites[thread], base + index);
            }
        }));
        Instant noon = floorSettleDate.atTime(LocalTime.NOON).atZone(BusinessTime.ZONE).toInstant();
        counted.add(() -> measure(THREADS, SETTLE_FLOOR, (thread, index) -> floor.single(template, fixtures.floorSite, fixtures.diners[base + index],
                noon, "%s-w-%03d-%03d".formatted(tag, round, index), null)));
    }

    private void servedBooking(int diner, String pickupCode) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", "bench-" + UUID.randomUUID());
        input.put("siteId", Long.toString(fixtures.sharedSite));
        input.put("slot", "LUNCH");
        input.put("pickupCode", pickupCode);
        input.put("dinerId", Long.toString(fixtures.diners[diner]));
        input.put("verification", Map.of("method", "STAFF_PROXY", "proxyReason", PROXY_REASON));
        logMeal(input);
    }

    private void logMeal(Map<String, Object> input) throws Exception {
        Map<String, Object> data;
        try {
            data = api.send(api.body(LOG_MEAL, Map.of("input", input)), token);
        } catch (IllegalStateException e) {
            fail(e.getMessage());
            return;
        }
        Map<String, Object> payload = map(data, "logMeal");
        Map<String, Object> record = map(payload, "record");
        if (record == null) {
            fail(String.valueOf(payload.get("userErrors")));
        } else if (new BigDecimal((String) record.get("subsidy")).signum() > 0) {
            subsidised.increment();
        }
    }

    // ---------------------------------------------------------------- measuring

    /** Runs count operations on the given threads, each thread taking the next index, timing each operation and the whole. */
    private ServingRounds.Result measure(int threadCount, int count, ThreadedRun.Operation operation) throws InterruptedException {
        failures.reset();
        subsidised.reset();
        firstFailure.set(null);
        long statementsBefore = statements.count();
        long batchesBefore = writing.count();
        double heldBefore = writing.totalTime(TimeUnit.NANOSECONDS);
        ThreadedRun.Timings timings = ThreadedRun.time("serving-benchmark", threadCount, count, operation);
        double statementsEach = (statements.count() - statementsBefore) / (double) count;
        return new ServingRounds.Result(timings, statementsEach, failures.sum(), subsidised.sum(), firstFailure.get(), writing.count() - batchesBefore,
                (long) (writing.totalTime(TimeUnit.NANOSECONDS) - heldBefore));
    }

    private void fail(String message) {
        failures.increment();
        firstFailure.compareAndSet(null, abbreviate(message));
    }

    private static void print(String run, int count, ServingRounds.Result result) {
        System.out.printf("  %-45s %10.0f %9.2f %9.2f %8.1f %7d %11s%n", run, result.perSecond(), result.timings().p50Millis(), result.timings().p99Millis(),
                result.statements(), result.failed(), result.subsidised() + " of " + count);
        if (result.firstFailure() != null) {
            System.out.printf("    first failure: %s%n", result.firstFailure());
        }
    }

    /** Rows per site and date as the database holds them: every record of each run, each subsidised, no second meals, no flags. */
    private void check() {
        Map<Long, String> names = new HashMap<>();
        names.put(fixtures.sequentialSite, "logMeal 1 thread (+warm-up)");
        names.put(fixtures.sharedSite, "logMeal one site (+bookings)");
        Arrays.stream(fixtures.ownSites).forEach(site -> names.put(site, "logMeal a site each (+warm-up)"));
        names.put(fixtures.uploadSite, "upload (+warm-up)");
        names.put(fixtures.floorSite, "JDBC floor (+warm-up)");
        ServingRowCheck.print(jdbc, tag, names, fixtures.sharedSite, today);
    }

}
