package org.zhucan.menu;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;

/**
 * Menu-read latency and throughput, in one run on the same data (the demo canteen's lunch menu for
 * today): a hit in this instance's memory, a hit in Redis (as an instance without it in memory reads
 * it), and the forced MySQL path. Prints figures; asserts nothing. Run with
 * {@code ./mvnw -q -pl backend -am spring-boot:test-run@menu-benchmark} (MySQL and Redis as for
 * the tests: configured, else Testcontainers, else embedded).
 */
public final class MenuReadBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 20_000;

    private MenuReadBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("zhucan.demo.enabled", "true");
        ConfigurableApplicationContext context = SpringApplication.from(ZhucanApplication::main)
                .run("--server.port=0", "--logging.level.root=WARN").getApplicationContext();
        try {
            PublishedMenus menus = context.getBean(PublishedMenus.class);
            long siteId = context.getBean(JdbcTemplate.class).queryForObject("SELECT id FROM site WHERE name = '孝文街道长者食堂'", Long.class);
            LocalDate today = BusinessTime.today(java.time.Clock.systemUTC());
            LocalDate date = today;
            if (menus.menuFromDatabase(siteId, date, MealSlot.LUNCH) == null) {
                throw new IllegalStateException("no published lunch menu at the demo canteen today; is the demo data loaded?");
            }
            menus.evict(siteId, date, MealSlot.LUNCH);
            Result hit = measure(() -> menus.menu(siteId, date, MealSlot.LUNCH));
            Result redis = measure(() -> menus.menuBehindMemory(siteId, date, MealSlot.LUNCH));
            Result database = measure(() -> menus.menuFromDatabase(siteId, date, MealSlot.LUNCH));
            System.out.printf("menu read (demo canteen, lunch, %d items), %d reads after %d warm-up, one thread:%n",
                    menus.menuFromDatabase(siteId, date, MealSlot.LUNCH).items().size(), MEASURED, WARM_UP);
            System.out.printf("  memory hit:         p50 %7.1f us  p99 %7.1f us  %8.0f reads/s%n", hit.p50Micros, hit.p99Micros, hit.perSecond);
            System.out.printf("  Redis hit:          p50 %7.1f us  p99 %7.1f us  %8.0f reads/s%n", redis.p50Micros, redis.p99Micros,
                    redis.perSecond);
            System.out.printf("  forced MySQL path:  p50 %7.1f us  p99 %7.1f us  %8.0f reads/s%n", database.p50Micros, database.p99Micros,
                    database.perSecond);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static Result measure(Supplier<MenuView> read) {
        for (int i = 0; i < WARM_UP; i++) {
            read.get();
        }
        long[] nanos = new long[MEASURED];
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long before = System.nanoTime();
            if (read.get() == null) {
                throw new IllegalStateException("the menu disappeared during the run");
            }
            nanos[i] = System.nanoTime() - before;
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(nanos);
        return new Result(nanos[MEASURED / 2] / 1_000.0, nanos[(int) (MEASURED * 0.99)] / 1_000.0,
                MEASURED / (elapsed / (double) TimeUnit.SECONDS.toNanos(1)));
    }

    private record Result(double p50Micros, double p99Micros, double perSecond) {
    }
}
