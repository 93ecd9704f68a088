package org.zhucan.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import javax.sql.DataSource;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.menu.PublishedMenus;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.BenchmarkApp;
import org.zhucan.testsupport.BenchmarkData;
import org.zhucan.testsupport.CpuMeter;
import org.zhucan.testsupport.JitSettling;
import org.zhucan.testsupport.RoundRatios;
import org.zhucan.testsupport.ThreadedRun;

/**
 * Dine-in booking throughput and latency, in one run: {@link BookingService#bookMeal} (with its
 * retry of deadlock victims, as the API calls it) with all threads booking one lunch slot
 * (contended: every booking waits for the slot's seat counter row) and with each thread booking its own site's
 * slot (uncontended); and, as the floor, raw JDBC writing what a booking writes in a READ COMMITTED
 * transaction ({@link BookingJdbcFloor}: the seat counter's two statements, the booking and its items),
 * contended and uncontended alike, each run and its floor measured in rounds, in turn, each round's ratio printed with
 * their median ({@link RoundRatios}). The gap between the two shows what
 * the service path costs above the database's own. Prints figures and a consistency check (seats
 * taken against bookings made); asserts nothing. Run with
 * {@code ./mvnw -q -pl backend -am spring-boot:test-run@booking-benchmark} (MySQL and Redis as for
 * the tests). Each run adds fresh sites, menus and diners, so point it at a scratch database, and at
 * a Redis database of its own: menus are cached by site id, so a Redis shared with another MySQL
 * database hands out that database's menus.
 */
public final class BookingBenchmark {

    private static final int THREADS = 16;
    private static final int BOOKINGS = 2_000;
    private static final int WARM_UP = 500;
    /** Further warm-up rounds on the warm-up date until the JIT settles (JitSettling), each with its own diners. */
    private static final int SETTLE_ROUND = 500;
    private static final int MAX_SETTLE_ROUNDS = JitSettling.MAX_ROUNDS;
    /** The floor's bookings in each settling round, on a date of their own a round. */
    private static final int SETTLE_FLOOR = 100;
    /** The runs and their floors are measured in this many rounds, in turn (testsupport.RoundRatios says why). */
    private static final int ROUNDS = 5;
    private static final int ROUND = BOOKINGS / ROUNDS;
    private static final String ACTOR = "benchmark";
    private static final String TEMPLATE_SITE = "孝文街道长者食堂";

    private final JdbcTemplate jdbc;
    private final CpuMeter cpu = new CpuMeter();
    private final DataSource dataSource;
    private final BookingService bookings;
    private final PublishedMenus menus;
    private final String tag = "bench" + System.nanoTime();
    // A diner has one live booking per date and slot, so each service run books its own date with
    // the same diners; the floor runs take dates of their own so as not to skew the check.
    private final LocalDate contendedDate;
    private final LocalDate uncontendedDate;
    private final LocalDate warmUpDate;
    private final LocalDate floorWarmUpDate;
    private final LocalDate floorContendedDate;
    private final LocalDate floorUncontendedDate;
    private final List<LocalDate> menuDates;

    // per run: the service's retries (deadlock victims, lock timeouts), counted from its MethodRetryEvents as the attempts
    // that failed less the calls that failed in the end; the floor retries nothing
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private long dishId;
    private long contendedSite;
    private long[] ownSites;
    private long[] diners;

    private BookingBenchmark(ConfigurableApplicationContext context) {
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.bookings = context.getBean(BookingService.class);
        this.menus = context.getBean(PublishedMenus.class);
        context.addApplicationListener((ApplicationListener<MethodRetryEvent>) event -> (event.isRetryAborted() ? failedCalls : failedAttempts).increment());
        LocalDate tomorrow = LocalDate.now(BusinessTime.ZONE).plusDays(1);
        this.contendedDate = tomorrow;
        this.uncontendedDate = tomorrow.plusDays(1);
        this.warmUpDate = tomorrow.plusDays(2);
        this.floorWarmUpDate = tomorrow.plusDays(3);
        this.floorContendedDate = tomorrow.plusDays(4);
        this.floorUncontendedDate = tomorrow.plusDays(5);
        List<LocalDate> dates = new java.util.ArrayList<>(List.of(contendedDate, uncontendedDate, warmUpDate));
        for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            dates.add(settleDate(round));
        }
        this.menuDates = List.copyOf(dates);
    }

    /** The contended site's date in a settling round: seats for the round, and no booking of another run. */
    private LocalDate settleDate(int round) {
        return contendedDate.plusDays(10 + round);
    }

    /** The floor's date in a settling round: far from every other run's dates, as its diners may be any run's. */
    private LocalDate floorSettleDate(int round) {
        return floorUncontendedDate.plusDays(200 + round);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkApp.run(context -> new BookingBenchmark(context).run());
    }

    private void run() throws Exception {
        prepare();
        try {
            measure(WARM_UP, (thread, index) -> book(ownSites[thread], warmUpDate, index));
            // the floor writes a booking as the service wrote this one; warmed up before the JIT settles, its rounds alternating with bookMeal's
            BookingJdbcFloor floor = new BookingJdbcFloor(jdbc, dataSource, jdbc.queryForObject("SELECT MAX(id) FROM booking WHERE site_id = ?"
                    + " AND service_date = ?", Long.class, ownSites[0], warmUpDate));
            measure(WARM_UP, (thread, index) -> floorBook(floor, ownSites[thread], floorWarmUpDate, index));
            // each round half on the contended site (a date of its own) and half a site per thread, as the measured runs; then some of
            // the floor's bookings (on a date of their own), and each round counted by CpuMeter, so that their code is compiled too
            int settleRounds = JitSettling.settle(MAX_SETTLE_ROUNDS, round -> {
                CpuMeter.Tally counted = cpu.tally();
                counted.add(() -> measure(SETTLE_ROUND, (thread, index) -> {
                    int diner = BOOKINGS + round * SETTLE_ROUND + index;
                    if (index % 2 == 0) {
                        book(contendedSite, settleDate(round), diner);
                    } else {
                        book(ownSites[thread], warmUpDate, diner);
                    }
                }));
                counted.add(() -> measure(SETTLE_FLOOR, (thread, index) -> floorBook(floor, ownSites[thread], floorSettleDate(round), index)));
            });
            long jitBefore = JitSettling.compiledMillis();
            List<Result> contended = new ArrayList<>();
            List<Result> uncontended = new ArrayList<>();
            List<Result> floorContended = new ArrayList<>();
            List<Result> floorUncontended = new ArrayList<>();
            CpuMeter.Tally cpuContended = cpu.tally();
            CpuMeter.Tally cpuFloor = cpu.tally();
            for (int round = 0; round < ROUNDS; round++) {
                int first = round * ROUND;
                contended.add(cpuContended.add(() -> measure(ROUND, (thread, index) -> book(contendedSite, contendedDate, first + index))));
                floorContended.add(cpuFloor.add(() -> measure(ROUND, (thread, index) -> floorBook(floor, contendedSite, floorContendedDate, first + index))));
                uncontended.add(measure(ROUND, (thread, index) -> book(ownSites[thread], uncontendedDate, first + index)));
                floorUncontended.add(measure(ROUND, (thread, index) -> floorBook(floor, ownSites[thread], floorUncontendedDate, first + index)));
            }
            long jitWhileMeasured = JitSettling.compiledMillis() - jitBefore;

            System.out.printf("dine-in lunch bookings, %d threads, %d per run after %d warm-up (%d cores):%n", THREADS, BOOKINGS, WARM_UP,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  %-30s %11s %9s %9s %8s %7s%n", "", "bookings/s", "p50 ms", "p99 ms", "retries", "failed");
            print("bookMeal, one slot", Result.combined(contended));
            print("bookMeal, a site per thread", Result.combined(uncontended));
            print("JDBC floor, one slot", Result.combined(floorContended));
            print("JDBC floor, a slot per thread", Result.combined(floorUncontended));
            System.out.printf("  the runs and their floors in %d rounds of %d, in turn; each round's ratio to its floor's:%n", ROUNDS, ROUND);
            System.out.printf("  %-30s %s%n", "one slot", RoundRatios.row(timings(contended), timings(floorContended)));
            System.out.printf("  %-30s %s%n", "a site (slot) per thread", RoundRatios.row(timings(uncontended), timings(floorUncontended)));
            System.out.printf("  JIT: %d more warm-up rounds of %d until %s; %,d ms compiling while bookMeal was measured%n",
                    settleRounds, SETTLE_ROUND, JitSettling.QUIET, jitWhileMeasured);
            // both sides run on this benchmark's own threads, in the process: their work is under "rest of this JVM"
            System.out.printf("  CPU ms a booking (the calls in-process: \"rest of this JVM\" is the service), bookMeal one slot: %s%n"
                    + "  CPU ms a booking, JDBC floor one slot: %s%n", CpuMeter.describe(cpuContended.perUnit(BOOKINGS), "%.2f"),
                    CpuMeter.describe(cpuFloor.perUnit(BOOKINGS), "%.2f"));
            check("bookMeal, one slot", contendedDate, "BOOKED rows", jdbc.queryForObject("SELECT COUNT(*) FROM booking"
                    + " WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH' AND status = 'BOOKED'", Long.class, contendedSite, contendedDate));
            check("JDBC floor, one slot", floorContendedDate, "BOOKED rows", jdbc.queryForObject("SELECT COUNT(*) FROM booking"
                    + " WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH' AND status = 'BOOKED'", Long.class, contendedSite, floorContendedDate));
        } finally {
            // so that another database on the same Redis never reads these menus for its own sites of the same ids
            evictMenus();
        }
    }

    // ---------------------------------------------------------------- set-up

    /** Fresh sites copied from the demo canteen, each with a published lunch menu on every service date, and fresh diners. */
    private void prepare() {
        long template = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", Long.class, TEMPLATE_SITE);
        dishId = jdbc.queryForObject("SELECT d.id FROM dish d JOIN site s ON s.operator_id = d.operator_id WHERE s.id = ? AND d.active"
                + " ORDER BY d.id LIMIT 1", Long.class, template);
        contendedSite = site(template, "contended");
        ownSites = new long[THREADS];
        for (int thread = 0; thread < THREADS; thread++) {
            ownSites[thread] = site(template, "thread-" + thread);
        }
        diners = diners(BOOKINGS + SETTLE_ROUND * MAX_SETTLE_ROUNDS);
        // a cached entry for a reused site id (another database on the same Redis) must not hide the new menus
        evictMenus();
    }

    private long site(long template, String role) {
        String name = tag + "-" + role;
        long site = BenchmarkData.copyOperatingSite(jdbc, template, name, ACTOR);
        // seats for exactly one run's bookings: the contended run fills its slot to the last seat
        jdbc.update("INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)"
                + " VALUES (?, 'LUNCH', '11:00', '13:00', ?, '09:30')", site, BOOKINGS);
        jdbc.update("INSERT INTO site_fulfilment (site_id, mode, fee_fen) VALUES (?, 'DINE_IN', 0)", site);
        for (LocalDate date : menuDates) {
            jdbc.update("INSERT INTO menu (site_id, menu_date, slot, status, version, published_at, created_at, updated_at)"
                    + " VALUES (?, ?, 'LUNCH', 'PUBLISHED', 1, NOW(6), NOW(6), NOW(6))", site, date);
            long menu = jdbc.queryForObject("SELECT id FROM menu WHERE site_id = ? AND menu_date = ? AND slot = 'LUNCH'", Long.class, site, date);
            jdbc.update("INSERT INTO menu_item (menu_id, position, dish_id, price_fen, daily_quota) SELECT ?, 1, id, price_fen, NULL FROM dish WHERE id = ?",
                    menu, dishId);
        }
        return site;
    }

    /** ACTIVE diners like the first demo diner; the booking path never decrypts the ID number, so the copied ciphertext serves. */
    private long[] diners(int count) {
        Map<String, Object> template = jdbc.queryForMap("SELECT id_number_enc, id_number_masked, birth_date, sex, home_community_id, address"
                + " FROM diner WHERE status = 'ACTIVE' ORDER BY id LIMIT 1");
        return BenchmarkData.copyDiners(jdbc, template, count, tag, ACTOR);
    }

    private void evictMenus() {
        for (long site : LongStream.concat(LongStream.of(contendedSite), Arrays.stream(ownSites)).toArray()) {
            for (LocalDate date : menuDates) {
                menus.evict(site, date, MealSlot.LUNCH);
            }
        }
    }

    // ---------------------------------------------------------------- one booking

    private void book(long site, LocalDate date, int index) {
        BookMealInput input = new BookMealInput(UUID.randomUUID().toString(), diners[index], site, date,
                MealSlot.LUNCH, Fulfilment.DINE_IN, null, List.of(new BookingItemInput(dishId, null, 1)), null);
        BookingResult result = SystemActor.runAs(ACTOR, () -> bookings.bookMeal(input));
        if (result.booking() == null) {
            failures.increment();
            firstFailure.compareAndSet(null, result.userErrors().toString());
        }
    }

    /** A booking written by the floor, its pickup code the run's index (unique at a site on a date, as the service's). */
    private void floorBook(BookingJdbcFloor floor, long site, LocalDate date, int index) throws Exception {
        if (!floor.book(site, date, diners[index], "%06d".formatted(index))) {
            failures.increment();
            firstFailure.compareAndSet(null, "no seat left at site " + site + " on " + date);
        }
    }

    // ---------------------------------------------------------------- measuring

    /** Runs count operations on THREADS threads, each thread taking the next index, timing each operation and the whole. */
    private Result measure(int count, ThreadedRun.Operation operation) throws InterruptedException {
        failedAttempts.reset();
        failedCalls.reset();
        failures.reset();
        firstFailure.set(null);
        ThreadedRun.Timings timings = ThreadedRun.time("booking-benchmark", THREADS, count, operation);
        return new Result(timings, failedAttempts.sum() - failedCalls.sum(), failures.sum(), firstFailure.get());
    }

    private static void print(String run, Result result) {
        System.out.printf("  %-30s %11.0f %9.2f %9.2f %8d %7d%n", run, result.timings().perSecond(), result.timings().p50Millis(),
                result.timings().p99Millis(), result.retries(),
                result.failed());
        if (result.firstFailure() != null) {
            System.out.printf("    first failure: %s%n", result.firstFailure());
        }
    }

    private void check(String run, LocalDate date, String against, long expected) {
        Integer taken = jdbc.queryForObject("SELECT seats_taken FROM slot_capacity WHERE site_id = ? AND service_date = ? AND slot = 'LUNCH'",
                Integer.class, contendedSite, date);
        System.out.printf("check, %s: seats_taken %d, %s %d, seats %d: %s%n", run, taken, against, expected, BOOKINGS,
                taken != null && taken == expected ? "consistent" : "MISMATCH");
    }

    private static List<ThreadedRun.Timings> timings(List<Result> rounds) {
        return rounds.stream().map(Result::timings).toList();
    }

    private record Result(ThreadedRun.Timings timings, long retries, long failed, String firstFailure) {

        static Result combined(List<Result> rounds) {
            return new Result(ThreadedRun.Timings.combined(rounds.stream().map(Result::timings).toList()), rounds.stream().mapToLong(Result::retries).sum(),
                    rounds.stream().mapToLong(Result::failed).sum(), rounds.stream().map(Result::firstFailure).filter(Objects::nonNull).findFirst().orElse(null));
        }

    }
}
