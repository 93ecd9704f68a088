package org.zhucan.menu;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.BenchmarkApp;
import org.zhucan.testsupport.BenchmarkData;
import org.zhucan.testsupport.BenchmarkGraphQl;
import org.zhucan.testsupport.DriverQuestions;
import org.zhucan.testsupport.JitSettling;
import org.zhucan.testsupport.KeptAliveHttp;
import org.zhucan.testsupport.ThreadedRun;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mini-program's home screen in one request: a page of N operating sites, each with its lunch
 * menu for a date, its dishes with price and tags, over HTTP GraphQL as a family account sends it;
 * against its floor, a plain JDBC endpoint in the same process that runs the four selects the page
 * needs (sites, menus, items with their dishes, set meals) and writes the same data as JSON over
 * HTTP. At N = 10, 50 and 100: requests/s, p50 and p99 of both, their ratio (goal: at least 0.5),
 * and the statements per request, from MariaDB's global Questions (the whole shared server, so
 * other clients add noise) and from the driver's own count (this process only). Prints figures;
 * asserts nothing but that both sides answer the same sites, menus and prices. It also prints the
 * process's CPU time per request on each side (client threads included on both), a figure that
 * holds when other programs load the machine and the requests per second do not. Run with
 * {@code ./mvnw -q -pl backend -am spring-boot:test-run@home-screen-benchmark}.
 */
public final class HomeScreenBenchmark {

    /** The page sizes measured; {@code -Dhome.sizes=10} measures one (e.g. under a profiler). */
    private static final int[] PAGE_SIZES = java.util.Arrays.stream(System.getProperty("home.sizes", "10,50,100").split(","))
            .mapToInt(size -> Integer.parseInt(size.trim())).toArray();
    private static final int THREADS = 4;
    /**
     * Warm-up requests per side and page size. 300 left the first size measured while the JIT was still compiling
     * (its threads' CPU is the process's): N = 10 then cost 7-8 ms of CPU a request, and 5 ms once warm.
     */
    private static final int WARM_UP = Integer.getInteger("home.warmUp", 2_000);
    private static final int MEASURED = Integer.getInteger("home.requests", 1_000);
    private static final int SETTLE_ROUND = 500;
    private static final int MAX_SETTLE_ROUNDS = JitSettling.MAX_ROUNDS;
    private static final int COUNTED = 200;
    private static final int SITES = 100;
    /** A day no test and no other benchmark publishes menus on. */
    private static final LocalDate DAY = LocalDate.of(2098, 3, 2);
    private static final String ACTOR = "benchmark";
    private static final String TEMPLATE_SITE = "孝文街道长者食堂";
    private static final String FAMILY_ACCOUNT = "family";
    private static final String DEMO_PASSWORD = "demo1234";

    static final String HOME = """
            query Home($first: Int!, $date: Date!) {
              sites(first: $first, filter: { statuses: [OPERATING] }) {
                edges { node { id name address
                  menu(date: $date, slot: LUNCH) { id date slot version
                    items { price dish { id name tags } }
                    setMeals { name price } } } }
              }
            }""";

    private HomeScreenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkApp.run(HomeScreenBenchmark::run, "--zhucan.booking.jobs-enabled=false",
                "--spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions");
    }

    private static void run(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        seed(jdbc);
        context.getBean(PublishedMenus.class).evictAll();
        BenchmarkGraphQl api = new BenchmarkGraphQl(context, Duration.ofMinutes(2));
        String token = api.login(FAMILY_ACCOUNT, DEMO_PASSWORD);
        try (HomeScreenJdbcFloor floor = HomeScreenJdbcFloor.start(context.getBean(DataSource.class), json)) {
            // the same client as the GraphQL side's (BenchmarkGraphQl), so that neither side pays more for it
            KeptAliveHttp http = new KeptAliveHttp(floor.port(), Duration.ofMinutes(2));
            System.out.printf("home screen: a page of N operating sites -> lunch menu on %s -> dishes with price and tags; %d requests per side"
                    + " after %d warm-up, %d client threads, HTTP/1.1 keep-alive; the better of two rounds%n", DAY, MEASURED, WARM_UP, THREADS);
            for (int sites : PAGE_SIZES) {
                String body = api.body(HOME, Map.of("first", sites, "date", DAY.toString()));
                String floorPath = floor.path(sites, DAY);
                // neither side's client reads its answer into maps while timed (both are compared in full just below)
                ThreadedRun.Operation graphql = (thread, index) -> api.sendUnparsed(body, token);
                ThreadedRun.Operation plain = (thread, index) -> get(http, floorPath);
                checkSameAnswer(api.send(body, token), json.readValue(get(http, floorPath), Map.class), sites);
                ThreadedRun.time("warm-graphql", THREADS, WARM_UP, graphql);
                ThreadedRun.time("warm-floor", THREADS, WARM_UP, plain);
                int settling = JitSettling.settle(MAX_SETTLE_ROUNDS, round -> {
                    ThreadedRun.time("settle-graphql", THREADS, SETTLE_ROUND, graphql);
                    ThreadedRun.time("settle-floor", THREADS, SETTLE_ROUND, plain);
                });
                long jitBefore = JitSettling.compiledMillis();
                ThreadedRun.Timings graphqlTimings = null;
                ThreadedRun.Timings floorTimings = null;
                long floorCpu = 0;
                long graphqlCpu = 0;
                for (int round = 0; round < 2; round++) {
                    long before = processCpuNanos();
                    floorTimings = better(floorTimings, ThreadedRun.time("floor", THREADS, MEASURED, plain));
                    long between = processCpuNanos();
                    graphqlTimings = better(graphqlTimings, ThreadedRun.time("graphql", THREADS, MEASURED, graphql));
                    floorCpu += between - before;
                    graphqlCpu += processCpuNanos() - between;
                }
                Statements graphqlStatements = statements(jdbc, graphql);
                Statements floorStatements = statements(jdbc, plain);
                System.out.printf("  N = %3d  GraphQL   %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  statements/request: driver %5.2f, server Questions %6.2f%n",
                        sites, graphqlTimings.perSecond(), graphqlTimings.p50Millis(), graphqlTimings.p99Millis(), graphqlStatements.driver(),
                        graphqlStatements.server());
                System.out.printf("           JDBC floor %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  statements/request: driver %5.2f, server Questions %6.2f%n",
                        floorTimings.perSecond(), floorTimings.p50Millis(), floorTimings.p99Millis(), floorStatements.driver(),
                        floorStatements.server());
                System.out.printf("           ratio GraphQL/floor %.2fx (goal >= 0.50x)%n", graphqlTimings.perSecond() / floorTimings.perSecond());
                System.out.printf("           JIT: %d more warm-up rounds of %d a side until %s; %d ms compiling while"
                        + " measured%n", settling, SETTLE_ROUND, JitSettling.QUIET, JitSettling.compiledMillis() - jitBefore);
                double graphqlCpuMillis = graphqlCpu / 1e6 / (2.0 * MEASURED);
                double floorCpuMillis = floorCpu / 1e6 / (2.0 * MEASURED);
                System.out.printf("           this process's CPU per request (server and client threads): GraphQL %.2f ms, floor %.2f ms,"
                        + " floor/GraphQL %.2fx%n", graphqlCpuMillis, floorCpuMillis, floorCpuMillis / graphqlCpuMillis);
            }
        }
    }

    /**
     * CPU time of this whole process (server, floor and client threads), which, unlike the
     * requests per second, does not fall when other programs share the machine's cores.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static ThreadedRun.Timings better(ThreadedRun.Timings best, ThreadedRun.Timings next) {
        return best == null || next.perSecond() > best.perSecond() ? next : best;
    }

    /** Statements a request sends, one thread, over {@link #COUNTED} requests: as the driver counts them and as the server does. */
    private static Statements statements(JdbcTemplate jdbc, ThreadedRun.Operation request) throws Exception {
        long serverBefore = questions(jdbc);
        long driverBefore = DriverQuestions.SENT.get();
        for (int i = 0; i < COUNTED; i++) {
            request.run(0, i);
        }
        long driverAfter = DriverQuestions.SENT.get();
        // the second SHOW is itself one question
        long serverAfter = questions(jdbc) - 1;
        return new Statements((driverAfter - driverBefore) / (double) COUNTED, (serverAfter - serverBefore) / (double) COUNTED);
    }

    private record Statements(double driver, double server) {
    }

    private static long questions(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS LIKE 'Questions'", rows -> {
            rows.next();
            return rows.getLong(2);
        });
    }

    private static String get(KeptAliveHttp http, String path) throws Exception {
        KeptAliveHttp.Response response = http.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("floor: HTTP " + response.status() + ": " + BenchmarkGraphQl.abbreviate(response.body()));
        }
        return response.body();
    }

    /** Both sides must answer the same page: the same sites, menus and prices, else the comparison means nothing. */
    @SuppressWarnings("unchecked")
    private static void checkSameAnswer(Map<String, Object> graphql, Map<String, Object> floor, int sites) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) BenchmarkGraphQl.map(graphql, "sites").get("edges");
        List<Map<String, Object>> plain = (List<Map<String, Object>>) floor.get("sites");
        if (edges.size() != sites || plain.size() != sites) {
            throw new IllegalStateException("expected " + sites + " sites, GraphQL answered " + edges.size() + ", the floor " + plain.size());
        }
        for (int i = 0; i < sites; i++) {
            Map<String, Object> node = BenchmarkGraphQl.map(edges.get(i), "node");
            Map<String, Object> menu = BenchmarkGraphQl.map(node, "menu");
            Map<String, Object> plainMenu = (Map<String, Object>) plain.get(i).get("menu");
            if (!String.valueOf(node.get("id")).equals(String.valueOf(plain.get(i).get("id"))) || menu == null || plainMenu == null
                    || !String.valueOf(menu.get("id")).equals(String.valueOf(plainMenu.get("id")))
                    || !prices(menu.get("items")).equals(prices(plainMenu.get("items")))
                    || !prices(menu.get("setMeals")).equals(prices(plainMenu.get("setMeals")))) {
                throw new IllegalStateException("the sides differ at site " + i + ": " + node + " against " + plain.get(i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> prices(Object entries) {
        return ((List<Map<String, Object>>) entries).stream().map(entry -> entry.get("price")).toList();
    }

    /**
     * Up to {@link #SITES} operating sites (copies of the demo canteen, kept between runs), and a
     * published lunch menu of four dishes and a set meal on {@link #DAY} at the first hundred.
     */
    private static void seed(JdbcTemplate jdbc) {
        long template = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", Long.class, TEMPLATE_SITE);
        int operating = jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE status = 'OPERATING'", Integer.class);
        for (int i = 0; operating < SITES; i++) {
            String name = "首页基准站点" + i;
            if (jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE name = ?", Integer.class, name) == 0) {
                BenchmarkData.copyOperatingSite(jdbc, template, name, ACTOR);
                operating++;
            }
        }
        List<Long> sites = jdbc.queryForList("SELECT id FROM site WHERE status = 'OPERATING' ORDER BY id LIMIT ?", Long.class, SITES);
        List<Long> dishes = jdbc.queryForList("SELECT d.id FROM dish d JOIN site s ON s.operator_id = d.operator_id WHERE s.id = ? AND d.active"
                + " ORDER BY d.id LIMIT 4", Long.class, template);
        if (dishes.size() < 4) {
            throw new IllegalStateException("the demo canteen's operator has fewer than four dishes; is the demo data loaded?");
        }
        jdbc.update("DELETE FROM menu_item WHERE menu_id IN (SELECT id FROM menu WHERE menu_date = ?)", DAY);
        jdbc.update("DELETE FROM set_meal WHERE menu_id IN (SELECT id FROM menu WHERE menu_date = ?)", DAY);
        jdbc.update("DELETE FROM menu_version WHERE menu_id IN (SELECT id FROM menu WHERE menu_date = ?)", DAY);
        jdbc.update("DELETE FROM menu WHERE menu_date = ?", DAY);
        List<Object[]> menus = new ArrayList<>();
        sites.forEach(site -> menus.add(new Object[] {site, DAY}));
        jdbc.batchUpdate("INSERT INTO menu (site_id, menu_date, slot, status, version, published_at, created_at, updated_at)"
                + " VALUES (?, ?, 'LUNCH', 'PUBLISHED', 1, NOW(6), NOW(6), NOW(6))", menus);
        for (int position = 0; position < dishes.size(); position++) {
            jdbc.update("INSERT INTO menu_item (menu_id, position, dish_id, price_fen, daily_quota)"
                    + " SELECT id, ?, ?, ?, NULL FROM menu WHERE menu_date = ?", position, dishes.get(position), 650 + position * 150, DAY);
        }
        jdbc.update("INSERT INTO set_meal (menu_id, position, name, price_fen, daily_quota, dish_ids)"
                + " SELECT id, 0, '营养套餐', 1200, NULL, ? FROM menu WHERE menu_date = ?", dishes.get(0) + "," + dishes.get(1), DAY);
    }
}
