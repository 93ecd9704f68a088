package org.zhucan.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.redis.RedisSubscription;
import org.zhucan.serving.MealRollups;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.ServerErrorLog;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * Zhucan on a real cluster (issue 23): three application instances, instance N on Galera node N
 * first (the driver's multi-host fail-over to the others), Redis behind three Sentinels, all
 * started by {@code deploy/local-cluster} from Debian's packages in a run folder of the test's own
 * and torn down with it. First the booking and meal-logging races with every instance writing to a
 * different node: Galera certifies conflicting writes at commit, so this is where a limit that rests
 * on a node-local lock would break. Then, under a booking and logging load, a database node and the
 * Redis primary are killed at once: every acknowledged booking and meal is there afterwards, no slot
 * is oversold, the node rejoins with the same rows, and the times to recover are printed.
 * <p>
 * Part of {@code ./mvnw verify} (tag "galera": {@code -DexcludedGroups=galera} leaves it out of a local run); skipped,
 * saying why, on a machine without the packages (.ci/run installs them) or not as root.
 */
@Tag("galera")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterFaultTests {

    private static final String DATABASE = "zhucan_fault";
    private static final int SEATS = 30;
    private static final String MEALS_SERVED = "zhucan:meals-served:db0";

    private final LocalCluster cluster = new LocalCluster(Path.of(System.getProperty("java.io.tmpdir"), "zhucan-cluster-test"));
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private boolean started;
    private int guardKillsBefore;
    /** What the instances logged of the faults they answered, for a failure's message (CI shows it, not the log). */
    private ServerErrorLog serverErrors;
    private TwoSlotDistrict world;
    private JdbcTemplate jdbc;

    @BeforeAll
    void startCluster() throws Exception {
        LocalCluster.assumeCanRun("GaleraClusterFaultTests");
        started = true;
        cluster.run("down", "--purge");
        guardKillsBefore = cluster.memoryGuardKills().size();
        cluster.run("up");
        // the first instance migrates the schema: every node's purge is held meanwhile, or a DDL can set one spinning
        // and growing until the memory guard stops it (deploy/local-cluster, hold_purge)
        cluster.run("hold-purge");
        try {
            instances.add(startInstance(1));
        } finally {
            cluster.run("release-purge");
        }
        for (int node = 2; node <= 3; node++) {
            instances.add(startInstance(node));
        }
        // after the instances: starting one resets the logging system, and with it any appender added before
        serverErrors = ServerErrorLog.attach();
        jdbc = instances.get(0).getBean(JdbcTemplate.class);
        world = new TwoSlotDistrict(username -> as(0, username), jdbc);
    }

    private static ConfigurableApplicationContext startInstance(int node) {
        String url = LocalCluster.jdbcUrl(node, DATABASE);
        // development keys from the tests' launcher; one after another: the first migrates and loads the demo accounts, the others find both done
        return new SpringApplicationBuilder(ZhucanApplication.class).profiles("test").run(
                "--zhucan.db.url=" + url, "--ZHUCAN_DB_URL=" + url,
                "--zhucan.db.user=" + LocalCluster.DB_USER, "--zhucan.db.password=" + LocalCluster.DB_PASSWORD,
                "--zhucan.redis.url=", "--ZHUCAN_REDIS_URL=",
                "--zhucan.redis.sentinel.master=" + LocalCluster.SENTINEL_MASTER, "--zhucan.redis.sentinel.nodes=" + LocalCluster.SENTINELS,
                "--zhucan.redis.database=0",
                // a failed login's wait long enough that a busy machine cannot outlast it between two attempts of the test
                // (the test profile lifts the limits out of reach; here a name's limit is what is checked, the address's stays lifted)
                "--zhucan.security.login.username.free-failures=3", "--zhucan.security.login.username.lockout-failures=10",
                "--zhucan.security.login.base-delay=5m", "--zhucan.security.login.max-delay=10m",
                // the roll-up's marks trusted for seconds and left to their writers for half a minute, not three: the job takes
                // them while the test waits, and a commit slowed by saturated cores still lands before its mark is taken
                "--zhucan.serving.rollup-marks-trusted-for=2s", "--zhucan.serving.rollup-marks-left-to-writers=30s",
                "--zhucan.demo.enabled=" + (node == 1), "--server.port=0");
    }

    @AfterAll
    void tearDown() {
        if (serverErrors != null) {
            serverErrors.stop();
        }
        instances.forEach(ConfigurableApplicationContext::close);
        if (started) {
            cluster.run("down", "--purge");
            // a node the guard stopped explains whatever failed above it: named here, with what its evidence says
            cluster.assertNoMemoryGuardKillsSince(guardKillsBefore);
        }
    }

    @Test
    @Order(1)
    void shouldGiveEveryTableAPrimaryKeyForGalera() {
        List<String> withoutKey = jdbc.queryForList("""
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')""",
                String.class);
        assertThat(withoutKey).isEmpty();
        assertThat(jdbc.queryForObject("SELECT @@wsrep_on", Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldBookExactlyTheSeatsWithThreeInstancesOnThreeNodes() throws Exception {
        LocalDate day = DistrictWorld.today().plusDays(2);
        String site = world.canteen(day);
        List<String> diners = world.diners(3 * SEATS);
        List<String> outcomes = Race.run(diners.size(), i -> book(i % 3, diners.get(i), site, day, "LUNCH"));
        Map<String, Long> byOutcome = outcomes.stream().collect(Collectors.groupingBy(o -> o.split(" ")[0], Collectors.counting()));
        System.out.println("GaleraClusterFaultTests booking race, " + diners.size() + " requests for " + SEATS + " seats over 3 nodes: " + byOutcome);
        assertThat(byOutcome).containsOnlyKeys("BOOKED", "SLOT_FULL").containsEntry("BOOKED", (long) SEATS);
        assertThat(bookedAndTaken(site, day, "LUNCH")).containsExactly((long) SEATS, (long) SEATS);
    }

    @Test
    @Order(3)
    void shouldSubsidiseOneMealADayWithThreeInstancesOnThreeNodes() throws Exception {
        LocalDate yesterday = DistrictWorld.today().minusDays(1);
        String siteA = world.canteen(yesterday);
        String siteB = world.canteen(yesterday);
        List<String> diners = world.diners(30);
        // each diner's lunch at A and dinner at B at once, through two different instances (so two nodes)
        List<String> outcomes = Race.run(2 * diners.size(), i -> logMeal(i % 3, i % 2 == 0
                ? walkIn(siteA, "LUNCH", diners.get(i / 2), shanghai(yesterday, 12, 0))
                : walkIn(siteB, "DINNER", diners.get(i / 2), shanghai(yesterday, 18, 0))));
        assertThat(outcomes).allMatch(outcome -> outcome.startsWith("LOGGED"));
        List<Long> twice = jdbc.queryForList("""
                SELECT diner_id FROM meal_record WHERE site_id IN (?, ?) AND kind = 'MEAL' AND reversed_by_id IS NULL
                GROUP BY diner_id HAVING SUM(subsidy_fen > 0) <> 1""", Long.class, Long.valueOf(siteA), Long.valueOf(siteB));
        System.out.println("GaleraClusterFaultTests meal race, " + outcomes.size() + " meals of " + diners.size() + " diners over 3 nodes: "
                + twice.size() + " diners without exactly one subsidised meal");
        assertThat(twice).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM diner_subsidy_usage d WHERE d.period = 'D' AND d.period_start = ? AND d.diner_id IN (
                  SELECT diner_id FROM meal_record WHERE site_id = ?) AND d.meals <> 1""", Integer.class, yesterday, Long.valueOf(siteA))).isZero();
    }

    /**
     * What the instances share besides the database rows, with each instance on its own node: one idempotency key sent
     * through all three at once makes one booking (the losing nodes' attempts fail certification and replay the
     * winner's answer); a site changed through one instance is what the others read next (their in-memory copies
     * evicted over Redis, well before the copies' own expiry); failed logins for one name count together wherever
     * they land; and the meal roll-up job run by all three at once, while meals are logged through all three, leaves
     * roll-ups equal to the records.
     */
    @Test
    @Order(4)
    void shouldShareKeysCachesThrottlingAndJobsAcrossThreeInstancesOnThreeNodes() throws Exception {
        LocalDate day = DistrictWorld.today().plusDays(6);
        String site = world.canteen(day);
        String diner = world.diners(1).get(0);
        String key = "k-" + UUID.randomUUID();
        List<String> repeats = Race.run(6, i -> book(i % 3, key, diner, site, day, "LUNCH"));
        System.out.println("GaleraClusterFaultTests one idempotency key through three instances at once: " + repeats);
        assertThat(repeats).allMatch(outcome -> outcome.startsWith("BOOKED ")).containsOnly(repeats.get(0));
        assertThat(bookedAndTaken(site, day, "LUNCH")).containsExactly(1L, 1L);

        String renamed = "集群改名点" + System.nanoTime();
        as(0, "admin").documentName("updateSite").variable("input", Map.of("siteId", site, "name", renamed)).execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0);
        for (int instance = 1; instance < 3; instance++) {
            org.zhucan.network.SiteService sites = instances.get(instance).getBean(org.zhucan.network.SiteService.class);
            await("instance " + (instance + 1) + " reading the new name").atMost(Duration.ofMinutes(3))
                    .until(() -> sites.find(Long.parseLong(site)).name(), renamed::equals);
        }

        // three free failures, and the fourth makes the next attempt wait: four failures spread over the instances (no instance
        // sees more than two of them) and every instance refuses the fifth
        String nobody = "nobody-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(failedLogin(attempt % 3, nobody)).as("failure %d", attempt + 1).isEqualTo("INVALID_CREDENTIALS");
        }
        for (int instance = 0; instance < 3; instance++) {
            assertThat(failedLogin(instance, nobody)).as("on instance %d after four failures over three", instance + 1)
                    .isEqualTo("TOO_MANY_ATTEMPTS");
        }

        LocalDate fourDaysAgo = DistrictWorld.today().minusDays(4);
        String rollupSite = world.canteen(fourDaysAgo);
        List<String> rollupDiners = world.diners(30);
        List<String> logged = Race.run(rollupDiners.size() + 6, i -> i < rollupDiners.size()
                ? logMeal(i % 3, walkIn(rollupSite, "LUNCH", rollupDiners.get(i), shanghai(fourDaysAgo, 12, 0)))
                : "COMPUTED " + instances.get(i % 3).getBean(MealRollups.class).computeMarked(2000));
        assertThat(logged).filteredOn(outcome -> !outcome.startsWith("COMPUTED")).allMatch(outcome -> outcome.startsWith("LOGGED"));
        // read and computed on node 3: a commit on another node is certified at once but applied here a moment later (no causal
        // reads), so the job runs again until node 3 holds the 30 records and no mark of theirs is left (a CI run saw all 30)
        JdbcTemplate node3 = instances.get(2).getBean(JdbcTemplate.class);
        await("the roll-up job on node 3 leaving no mark").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            instances.get(2).getBean(MealRollups.class).computeMarked(2000);
            return node3.queryForObject("SELECT COUNT(*) FROM meal_rollup_mark WHERE site_id = ?", Integer.class, Long.valueOf(rollupSite)) == 0
                    && node3.queryForObject("SELECT COUNT(*) FROM meal_record WHERE site_id = ?", Integer.class,
                            Long.valueOf(rollupSite)) == rollupDiners.size();
        });
        assertThat(node3.queryForList("SELECT CONCAT_WS(' ', service_date, slot, meals, subsidy_fen) FROM meal_slot_rollup WHERE site_id = ?",
                String.class, Long.valueOf(rollupSite))).containsExactly(node3.queryForObject("""
                        SELECT CONCAT_WS(' ', service_date, slot, SUM(kind = 'MEAL' AND reversed_by_id IS NULL), SUM(subsidy_fen))
                        FROM meal_record WHERE site_id = ? GROUP BY service_date, slot""", String.class, Long.valueOf(rollupSite)))
                .singleElement().asString().contains(fourDaysAgo + " LUNCH " + rollupDiners.size() + " ");
    }

    @Test
    @Order(5)
    void shouldKeepEveryAcknowledgedWriteWhenADatabaseNodeAndTheRedisPrimaryDie() throws Exception {
        LocalDate today = DistrictWorld.today();
        LocalDate[] days = {today.plusDays(1), today.plusDays(3), today.plusDays(4), today.plusDays(5)};
        String bookingSite = world.canteen(days);
        String mealSite = world.canteen(today.minusDays(1));
        // more diners than seats: some slots fill up during the fault
        List<String> bookingDiners = world.diners(SEATS * days.length * 2 + 60);
        List<String> mealDiners = world.diners(bookingDiners.size());
        FaultLoad load = new FaultLoad(3, index -> {
            LocalDate day = days[index % days.length];
            String slot = (index / days.length) % 2 == 0 ? "LUNCH" : "DINNER";
            return book(index % 3, bookingDiners.get(index), bookingSite, day, slot);
        }, index -> logMeal(index % 3, walkIn(mealSite, "LUNCH", mealDiners.get(index), shanghai(today.minusDays(1), 12, 0))), bookingDiners.size());

        load.start();
        load.awaitAcknowledged(30);
        long faultAt = System.nanoTime();
        cluster.run("stop-db", "2");
        cluster.killRedisPrimary();
        load.fault(faultAt);
        Duration sentinelFailover = timeUntil(faultAt, () -> !LocalCluster.sentinelMaster().endsWith(":6390"));
        Duration galeraView = timeUntil(faultAt, () -> "2".equals(LocalCluster.status(1, "wsrep_cluster_size")));
        Duration subscriptions;
        try {
            subscriptions = timeUntil(faultAt, () -> instances.stream().allMatch(GaleraClusterFaultTests::listening)
                    && "3".equals(numSub(MEALS_SERVED)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("subscriptions not back on the new primary " + LocalCluster.sentinelMaster() + ": listening "
                    + instances.stream().map(GaleraClusterFaultTests::listening).toList() + ", NUMSUB " + numSub(MEALS_SERVED)
                    + "; the listeners' threads:\n" + listenerThreads(), e);
        }
        // one subscription an instance, and it stays so: a connection given up during the fail-over must not come back
        // subscribed beside its replacement (Lettuce retries a connection it was not told to close for up to 30 s)
        await("exactly three subscribers for 35 s").during(Duration.ofSeconds(35)).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> numSub(MEALS_SERVED), "3"::equals);
        load.awaitRecovered();
        load.stop();

        List<String> bookings = load.acknowledged("BOOKED");
        List<String> meals = load.acknowledged("LOGGED");
        System.out.printf("GaleraClusterFaultTests fault: %d bookings and %d meals acknowledged, %d requests failed; Sentinel fail-over %.1f s,"
                        + " Galera view of 2 nodes %.1f s, subscriptions on the new primary %.1f s (and 3 subscribers held 35 s)%n",
                bookings.size(), meals.size(), load.failures(), seconds(sentinelFailover), seconds(galeraView), seconds(subscriptions));
        for (int instance = 0; instance < 3; instance++) {
            System.out.printf("GaleraClusterFaultTests fault: instance %d (node %d first): %s%n", instance + 1, instance + 1, load.recovery(instance));
        }
        assertThat(bookings).isNotEmpty();
        assertThat(meals).isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'BOOKED' AND id IN (%s)", bookings)).isEqualTo(bookings.size());
        assertThat(count("SELECT COUNT(*) FROM meal_record WHERE kind = 'MEAL' AND id IN (%s)", meals)).isEqualTo(meals.size());
        for (LocalDate day : days) {
            for (String slot : List.of("LUNCH", "DINNER")) {
                List<Long> bookedAndTaken = bookedAndTaken(bookingSite, day, slot);
                assertThat(bookedAndTaken.get(0)).as("bookings of %s %s", day, slot).isLessThanOrEqualTo(SEATS).isEqualTo(bookedAndTaken.get(1));
            }
        }

        long rejoinFrom = System.nanoTime();
        String rejoining = cluster.run("start-db", "2");
        System.out.printf("GaleraClusterFaultTests fault: node 2 rejoined and Synced in %.1f s%s%n", seconds(Duration.ofNanos(System.nanoTime() - rejoinFrom)),
                rejoining.contains("rejoined by SST") ? ", by a full state transfer after it stopped rejoining by IST:\n" + rejoining : " (IST)");
        String rows = "SELECT (SELECT COUNT(*) FROM booking WHERE site_id = " + bookingSite + ") + (SELECT COUNT(*) FROM meal_record WHERE site_id = "
                + mealSite + ")";
        assertThat(rowsOnNode(2, rows)).isEqualTo(rowsOnNode(1, rows));
    }

    private static boolean listening(ConfigurableApplicationContext instance) {
        Collection<RedisSubscription> subscriptions = instance.getBeansOfType(RedisSubscription.class).values();
        return subscriptions.stream().allMatch(RedisSubscription::isListening);
    }

    /** Where each subscription's worker is: what a subscription that never comes back is waiting for. */
    private static String listenerThreads() {
        return Thread.getAllStackTraces().entrySet().stream().filter(thread -> thread.getKey().getName().endsWith("-listener"))
                .map(thread -> thread.getKey().getName() + " " + thread.getKey().getState() + "\n" + java.util.Arrays.stream(thread.getValue())
                        .limit(25).map(frame -> "    at " + frame).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String numSub(String channel) {
        String[] master = LocalCluster.sentinelMaster().split(":");
        String[] answer = LocalCluster.redisCli(Integer.parseInt(master[master.length - 1]), "PUBSUB", "NUMSUB", channel).split("\n");
        return answer.length == 2 ? answer[1].trim() : "";
    }

    private static long rowsOnNode(int node, String sql) throws Exception {
        try (Connection connection = LocalCluster.node(node, DATABASE); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long count(String sql, List<String> ids) {
        return jdbc.queryForObject(String.format(sql, String.join(",", ids)), Long.class);
    }

    /** The BOOKED bookings of the slot and its seat counter. */
    private List<Long> bookedAndTaken(String site, LocalDate day, String slot) {
        long booked = jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE site_id = ? AND service_date = ? AND slot = ? AND status = 'BOOKED'",
                Long.class, Long.valueOf(site), day, slot);
        List<Long> taken = jdbc.queryForList("SELECT seats_taken FROM slot_capacity WHERE site_id = ? AND service_date = ? AND slot = ?", Long.class,
                Long.valueOf(site), day, slot);
        return List.of(booked, taken.isEmpty() ? 0L : taken.get(0));
    }

    private String book(int instance, String diner, String site, LocalDate day, String slot) {
        return book(instance, "k-" + UUID.randomUUID(), diner, site, day, slot);
    }

    private String book(int instance, String idempotencyKey, String diner, String site, LocalDate day, String slot) {
        return serverErrors.explaining(() -> bookOnce(instance, idempotencyKey, diner, site, day, slot));
    }

    private String bookOnce(int instance, String idempotencyKey, String diner, String site, LocalDate day, String slot) {
        var response = as(instance, world.staff).documentName("bookMeal").variable("input", Map.of("idempotencyKey", idempotencyKey,
                "dinerId", diner, "siteId", site, "date", day.toString(), "slot", slot, "fulfilment", "DINE_IN",
                "items", List.of(Map.of("setMealName", "套餐A")))).execute();
        List<String> codes = response.path("bookMeal.userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? "BOOKED " + response.path("bookMeal.booking.id").entity(String.class).get() : String.join(",", codes);
    }

    private String logMeal(int instance, Map<String, Object> input) {
        return serverErrors.explaining(() -> logMealOnce(instance, input));
    }

    private String logMealOnce(int instance, Map<String, Object> input) {
        var response = as(instance, world.staff).documentName("logMeal").variable("input", input).execute();
        List<String> codes = response.path("logMeal.userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? "LOGGED " + response.path("logMeal.record.id").entity(String.class).get() : String.join(",", codes);
    }

    private String failedLogin(int instance, String username) {
        return TestClients.graphQl(url(instance)).documentName("login").variable("username", username).variable("password", "guess-wrong")
                .execute().path("login.userErrors[0].code").entity(String.class).get();
    }

    /** A tester of the instance, with a token (any instance's: they share the signing key). */
    private HttpGraphQlTester as(int instance, String username) {
        String token = tokens.computeIfAbsent(username, name -> TestClients.graphQl(url(0)).documentName("login").variable("username", name)
                .variable("password", ApiTest.DEMO_PASSWORD).execute().path("login.token").entity(String.class).get());
        return TestClients.graphQl(url(instance)).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private String url(int instance) {
        return "http://localhost:" + instances.get(instance).getEnvironment().getRequiredProperty("local.server.port");
    }

    /** How long after {@code from} the condition first held, polled every 100 ms for at most 3 minutes. */
    private static Duration timeUntil(long from, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition);
        return Duration.ofNanos(System.nanoTime() - from);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
