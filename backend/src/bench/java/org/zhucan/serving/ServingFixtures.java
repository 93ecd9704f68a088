package org.zhucan.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookMealInput;
import org.zhucan.booking.Booking;
import org.zhucan.booking.BookingItemInput;
import org.zhucan.booking.BookingResult;
import org.zhucan.booking.BookingService;
import org.zhucan.menu.PublishedMenus;
import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.BenchmarkData;
import org.zhucan.testsupport.ThreadedRun;

/**
 * What the serving benchmark serves at: fresh sites copied from the demo canteen, each serving lunch all day with menus
 * published today and yesterday (the set meal {@link ServingBenchmark#SET_MEAL} among them), fresh diners, and the bookings
 * made for its runs through the service.
 */
final class ServingFixtures {

    private static final String TEMPLATE_SITE = "孝文街道长者食堂";

    final long sequentialSite;
    final long sharedSite;
    final long[] ownSites;
    final long uploadSite;
    final long floorSite;
    final long[] diners;

    private final JdbcTemplate jdbc;
    private final BookingService bookings;
    private final PublishedMenus menus;
    private final String tag;
    private final String actor;
    private final LocalDate today;
    private final int threads;
    private final long[] dishIds;

    /** Creates the sites (one a thread besides the sequential, shared, upload and floor ones) and the diners. */
    ServingFixtures(JdbcTemplate jdbc, BookingService bookings, PublishedMenus menus, String tag, String actor, LocalDate today, int threads,
                    int dinerCount) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.menus = menus;
        this.tag = tag;
        this.actor = actor;
        this.today = today;
        this.threads = threads;
        long template = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", Long.class, TEMPLATE_SITE);
        this.dishIds = jdbc.queryForList("SELECT d.id FROM dish d JOIN site s ON s.operator_id = d.operator_id WHERE s.id = ? AND d.active"
                + " ORDER BY d.id LIMIT 2", Long.class, template).stream().mapToLong(Long::longValue).toArray();
        this.sequentialSite = site(template, "sequential", dinerCount);
        this.sharedSite = site(template, "shared", dinerCount);
        this.ownSites = new long[threads];
        for (int thread = 0; thread < threads; thread++) {
            ownSites[thread] = site(template, "thread-" + thread, dinerCount);
        }
        this.uploadSite = site(template, "upload", dinerCount);
        this.floorSite = site(template, "floor", dinerCount);
        this.diners = diners(template, dinerCount);
        evictMenus();
    }

    private long site(long template, String role, int dinerCount) {
        String name = tag + "-" + role;
        long site = BenchmarkData.copyOperatingSite(jdbc, template, name, actor);
        // lunch all day, so that the run neither depends on the hour nor raises OUTSIDE_SERVING_HOURS flags
        jdbc.update("INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)"
                + " VALUES (?, 'LUNCH', '00:00:00', '23:59:59', ?, '23:59:59')", site, 2 * dinerCount);
        jdbc.update("INSERT INTO site_fulfilment (site_id, mode, fee_fen) VALUES (?, 'DINE_IN', 0)", site);
        for (LocalDate date : List.of(today, today.minusDays(1))) {
            jdbc.update("INSERT INTO menu (site_id, menu_date, slot, status, version, published_at, created_at, updated_at)"
                    + " VALUES (?, ?, 'LUNCH', 'PUBLISHED', 1, NOW(6), NOW(6), NOW(6))", site, date);
            long menu = jdbc.queryForObject("SELECT id FROM menu WHERE site_id = ? AND menu_date = ? AND slot = 'LUNCH'", Long.class, site, date);
            for (int i = 0; i < dishIds.length; i++) {
                jdbc.update("INSERT INTO menu_item (menu_id, position, dish_id, price_fen, daily_quota) SELECT ?, ?, id, price_fen, NULL FROM dish WHERE id = ?",
                        menu, i, dishIds[i]);
            }
            jdbc.update("INSERT INTO set_meal (menu_id, position, name, price_fen, daily_quota, dish_ids) VALUES (?, 0, ?, ?, NULL, ?)",
                    menu, ServingBenchmark.SET_MEAL, ServingBenchmark.SET_MEAL_PRICE_FEN,
                    Arrays.stream(dishIds).mapToObj(Long::toString).collect(Collectors.joining(",")));
        }
        return site;
    }

    /**
     * ACTIVE diners like the first demo diner at home in the template site's street (aged 60 or more), so that every funding
     * share applies, the street's included; STAFF_PROXY never reads the ID number, so the copied ciphertext serves.
     */
    private long[] diners(long templateSite, int count) {
        Map<String, Object> template = jdbc.queryForMap("""
                SELECT d.id_number_enc, d.id_number_masked, d.birth_date, d.sex, d.home_community_id, d.address
                FROM diner d JOIN region home ON home.id = d.home_community_id
                JOIN site s ON s.id = ? JOIN region community ON community.id = s.community_id
                WHERE d.status = 'ACTIVE' AND home.parent_id = community.parent_id
                ORDER BY d.id LIMIT 1""", templateSite);
        return BenchmarkData.copyDiners(jdbc, template, count, tag, actor);
    }

    /**
     * Today's dine-in bookings of the set meal at the site, made through the service (not timed): for the pickup-code runs at the
     * shared site (the warm-up's first, then the measured run's), and for the floor's bookings served at the floor's site.
     */
    Booked book(long site, int dinerBase, int count) throws InterruptedException {
        Booked booked = new Booked(new String[count], new long[count]);
        ThreadedRun.time("serving-benchmark-bookings", threads, count, (thread, index) -> {
            Booking booking = bookOne(site, dinerBase + index);
            booked.pickupCodes()[index] = booking.pickupCode();
            booked.ids()[index] = booking.id();
        });
        return booked;
    }

    /** Today's dine-in booking of the set meal at the site for the diner, made through the service; a refusal stops the run. */
    Booking bookOne(long site, int diner) {
        BookMealInput input = new BookMealInput("bench-" + UUID.randomUUID(), diners[diner], site, today, MealSlot.LUNCH, Fulfilment.DINE_IN, null,
                List.of(new BookingItemInput(null, ServingBenchmark.SET_MEAL, 1)), null);
        BookingResult result = SystemActor.runAs(actor, () -> bookings.bookMeal(input));
        if (result.booking() == null) {
            throw new IllegalStateException("a booking to serve could not be made: " + result.userErrors());
        }
        return result.booking();
    }

    /** Forgets the sites' cached menus: another database on the same Redis must never read them for its own sites of the same ids. */
    void evictMenus() {
        List<Long> sites = new ArrayList<>(List.of(sequentialSite, sharedSite, uploadSite, floorSite));
        Arrays.stream(ownSites).forEach(sites::add);
        for (long site : sites) {
            for (LocalDate date : List.of(today, today.minusDays(1))) {
                menus.evict(site, date, MealSlot.LUNCH);
            }
        }
    }

    /** Bookings made for a run: their pickup codes and ids, by index. */
    record Booked(String[] pickupCodes, long[] ids) {
    }
}
