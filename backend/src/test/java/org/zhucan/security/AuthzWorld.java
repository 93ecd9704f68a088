package org.zhucan.security;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingService;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.FaceTerminals;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClock;

import static org.zhucan.testsupport.TestDocuments.named;

/**
 * The fixture world of the authorization matrix: two tenants that share nothing. Each has its own
 * district (town, village), its own operator with an OPERATING canteen (lunch 11:00–13:00, 500
 * seats, menus from yesterday to three days ahead), a central kitchen and a meal point it
 * supplies, a published subsidy policy, staff (OPERATOR of the operator; two FINANCE and an
 * INSPECTOR of the district), diners living in the village, a booking, a recurring booking, a
 * meal served yesterday (flagged: all by staff proxy), a no-show, an inspection, a sample log, a
 * statement, evaluation weights (from two months back, so last month's evaluation is published) and a budget. The {@code family} account acts for the own
 * tenant's diners, none of the other's.
 *
 * <p>The callers of the matrix are {@code admin}, the own tenant's staff and {@code family}: for
 * them the own tenant is theirs and the other is someone else's. The other tenant's staff only
 * prepare what the cases act on.
 */
final class AuthzWorld {

    static final String SET_MEAL = "套餐A";

    final Tenant own;
    final Tenant other;
    /** The DINER account of the matrix: acts for the own tenant's diners. */
    final String family;
    /** A DINER account that linkFamilyMember cases link; nobody calls as it. */
    final String spareFamily;
    /** An account whose only use is to be logged into by the login cases. */
    final String loginAccount;

    private final MatrixClient client;
    private final HttpGraphQlTester admin;
    private final JdbcTemplate jdbc;
    private final DinerFixtures diners;
    private final NetworkFixtures network;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger monthsBack = new AtomicInteger(30);
    /** Months of closeEvaluationMonth's cells, counted on their own: the shared sequence grows with every row and ran past today. */
    private final AtomicInteger closableMonths = new AtomicInteger();

    private final org.zhucan.care.CareAlertService careAlerts;

    AuthzWorld(MatrixClient client, HttpGraphQlTester admin, JdbcTemplate jdbc, TestClock clock, BookingService bookings,
               org.zhucan.care.CareAlertService careAlerts) {
        this.careAlerts = careAlerts;
        this.client = client;
        this.admin = admin;
        this.jdbc = jdbc;
        this.diners = new DinerFixtures(admin, jdbc);
        this.network = new NetworkFixtures(admin, jdbc);
        family = TestAccounts.create(jdbc, "DINER", null, null, "矩阵家属");
        spareFamily = TestAccounts.create(jdbc, "DINER", null, null, "矩阵备用家属");
        loginAccount = TestAccounts.create(jdbc, "DINER", null, null, "矩阵登录");
        own = new Tenant(true, 20);
        other = new Tenant(false, 26);
        for (Tenant tenant : List.of(own, other)) {
            build(tenant);
        }
        // a no-show: booked yesterday before the cutoff, with the clock stopped then, and never served
        clock.stopAt(ZonedDateTime.of(today().minusDays(1), LocalTime.of(8, 0), BusinessTime.ZONE).toInstant());
        try {
            for (Tenant tenant : List.of(own, other)) {
                book(tenant, tenant.spareDiner, today().minusDays(1));
            }
        } finally {
            clock.resume();
        }
        SystemActor.runAs("matrix", bookings::markNoShows);
    }

    /**
     * The matrix's today, read once: the world is built and its requests are sent around one date, also when a run
     * crosses midnight in Shanghai (a booking made for "tomorrow" and a plan asked for "tomorrow" must be one day).
     */
    private static final LocalDate TODAY = LocalDate.now(BusinessTime.ZONE);

    static LocalDate today() {
        return TODAY;
    }

    /** A provider statement of the tenant's operator, imported for a case of its own; returns its id. */
    String providerStatement(Tenant t) {
        jdbc.update("""
                INSERT INTO provider_statement (operator_id, provider, period_from, period_to, imported_by, imported_at)
                VALUES (?, 'WECHAT', CURRENT_DATE, CURRENT_DATE, 'matrix', CURRENT_TIMESTAMP(6))""", Long.valueOf(t.operator));
        return String.valueOf(jdbc.queryForObject("SELECT MAX(id) FROM provider_statement WHERE operator_id = ?", Long.class, Long.valueOf(t.operator)));
    }

    // ------------------------------------------------------------------ delivery and care (issue 21)

    /** A run of the tenant's staff at its canteen's lunch tomorrow, made in SQL, without stops; returns its id. */
    String deliveryRun(Tenant t) {
        jdbc.update("INSERT INTO delivery_run (site_id, service_date, slot, courier_username, capacity, created_by, created_at)"
                + " VALUES (?, ?, 'LUNCH', ?, 10, 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(t.site), today().plusDays(1), t.staff);
        return jdbc.queryForObject("SELECT CAST(MAX(id) AS CHAR) FROM delivery_run WHERE site_id = ?", String.class, Long.valueOf(t.site));
    }

    /** A dispatch from the tenant's kitchen to its point on a date no other case has, made in SQL; returns its id. */
    String dispatch(Tenant t) {
        LocalDate date = today().plusDays(200 + next());
        jdbc.update("INSERT INTO kitchen_dispatch (kitchen_id, point_id, service_date, slot, portions_sent, sent_by, sent_at)"
                + " VALUES (?, ?, ?, 'LUNCH', 12, 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(t.kitchen), Long.valueOf(t.point), date);
        return jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM kitchen_dispatch WHERE point_id = ? AND service_date = ?", String.class,
                Long.valueOf(t.point), date);
    }

    /** A pending stop on a fresh run, for a fresh diner's booking of tomorrow, made in SQL; returns its id. */
    String pendingStop(Tenant t) {
        String diner = freshDiner(t);
        String booking = book(t, diner, today().plusDays(1));
        String run = deliveryRun(t);
        jdbc.update("INSERT INTO delivery_stop (run_id, booking_id, diner_id, position, pickup_code, status) VALUES (?, ?, ?, 1, '123456', 'PENDING')",
                Long.valueOf(run), Long.valueOf(booking), Long.valueOf(diner));
        return jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM delivery_stop WHERE booking_id = ?", String.class, Long.valueOf(booking));
    }

    /** A fresh diner of the tenant with one unplanned delivery booking of tomorrow's lunch and a home location; returns the diner. */
    String deliveryBooking(Tenant t) {
        String diner = freshDiner(t);
        Map<String, Object> input = new HashMap<>(bookInput(t, diner, today().plusDays(1)));
        input.put("fulfilment", "DELIVERY");
        input.put("deliveryAddress", "矩阵路1号");
        client.id("admin", named("fixtureBookMeal"), Map.of("input", input), "bookMeal.booking.id");
        client.data("admin", """
                mutation($input: SetDinerHomeLocationInput!) { setDinerHomeLocation(input: $input) { set } }""",
                Map.of("input", Map.of("dinerId", diner, "latitude", t.lat + 0.001, "longitude", t.lng)));
        return diner;
    }

    /** An open care alert (raised through the service, so that subscribers see it); the diner's open one of its kind closed first. */
    String careAlert(String diner) {
        jdbc.update("UPDATE care_alert SET status = 'CLOSED', outcome = 'matrix', closed_by = 'matrix', closed_at = UTC_TIMESTAMP(6),"
                + " acknowledged_at = COALESCE(acknowledged_at, UTC_TIMESTAMP(6)) WHERE diner_id = ? AND kind = 'NO_ANSWER' AND status <> 'CLOSED'",
                Long.valueOf(diner));
        return String.valueOf(SystemActor.runAs("matrix", () -> careAlerts.raise(Long.parseLong(diner), org.zhucan.care.CareAlertKind.NO_ANSWER,
                "矩阵提醒", null, "matrix")).alert().id());
    }

    /** A number no other case of this run has had: for fresh dates, periods, names and codes. */
    int next() {
        return sequence.incrementAndGet();
    }

    /** A face terminal registered (by ADMIN) to the tenant's canteen, for a case of its own; returns its id. */
    String faceTerminal(Tenant t) {
        return FaceTerminals.register(admin, t.site).id();
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    // ------------------------------------------------------------------ the tenants

    /** One side of the world; see the class comment. */
    static final class Tenant {
        final boolean own;
        final double lat;
        final double lng;
        String district;
        String districtCode;
        String village;
        String operator;
        String operatorName;
        String site;
        String kitchen;
        String point;
        String fish;
        String rice;
        String staff;
        String finance;
        String financeB;
        String inspector;
        /** STREET_STAFF staff of the tenant's town. */
        String street;
        /** HOTLINE staff scoped to the tenant's district. */
        String hotline;
        String town;
        String diner;
        String dinerName;
        String spareDiner;
        String booking;
        String recurring;
        String mealRecord;
        String inspection;
        String statement;
        /** A case of the tenant's operator about its canteen, OPEN (see rectificationCase). */
        String rectificationCase;

        Tenant(boolean own, double latBase) {
            this.own = own;
            this.lat = latBase + ThreadLocalRandom.current().nextDouble(0, 4);
            this.lng = 100 + ThreadLocalRandom.current().nextDouble(0, 8);
        }

        String name() {
            return own ? "甲" : "乙";
        }
    }

    private void build(Tenant t) {
        String code = network.freshDistrictCode();
        t.districtCode = code;
        t.district = network.createRegion(null, code, "矩阵区" + t.name(), "DISTRICT");
        String town = network.createRegion(t.district, code.substring(0, 6) + "101000", "矩阵镇" + t.name(), "TOWN");
        t.town = town;
        t.village = network.createRegion(town, code.substring(0, 6) + "101201", "矩阵村" + t.name(), "VILLAGE");
        t.operatorName = "矩阵餐饮" + t.name() + System.nanoTime();
        t.operator = network.createOperator(t.operatorName);
        t.site = site(t, "CANTEEN", null, t.lat, t.lng);
        t.kitchen = site(t, "CENTRAL_KITCHEN", null, null, null);
        t.point = site(t, "MEAL_POINT", t.kitchen, null, null);
        network.backdatePlanned(t.site, today().minusDays(30).toString());
        network.open(t.site, today().minusDays(30).toString(), today().minusDays(30).toString());
        t.fish = dish(t.operator, "清蒸鱼", "8.00");
        t.rice = dish(t.operator, "米饭", "1.00");
        for (LocalDate date = today().minusDays(1); !date.isAfter(today().plusDays(3)); date = date.plusDays(1)) {
            publishedMenu(t, t.site, date);
        }
        publishPolicy(t);
        t.staff = TestAccounts.create(jdbc, "OPERATOR", t.operator, null, "矩阵店员" + t.name());
        t.finance = TestAccounts.create(jdbc, "FINANCE", null, t.district, "矩阵财务" + t.name());
        t.financeB = TestAccounts.create(jdbc, "FINANCE", null, t.district, "矩阵复核" + t.name());
        t.inspector = TestAccounts.create(jdbc, "INSPECTOR", null, t.district, "矩阵监管" + t.name());
        t.street = TestAccounts.create(jdbc, "STREET_STAFF", null, t.town, "矩阵镇街" + t.name());
        t.hotline = TestAccounts.create(jdbc, "HOTLINE", null, t.district, "矩阵热线" + t.name());
        t.dinerName = "矩阵老人" + t.name() + System.nanoTime();
        t.diner = diner(t, t.dinerName);
        t.spareDiner = diner(t, "矩阵备用老人" + t.name());
        faceTerminal(t);
        t.booking = book(t, t.diner, today().plusDays(1));
        t.recurring = recurring(t, t.diner);
        t.mealRecord = serve(t, t.diner, ZonedDateTime.of(today().minusDays(1), LocalTime.NOON, BusinessTime.ZONE).toOffsetDateTime().toString());
        t.inspection = client.id(t.inspector, named("fixtureRecordInspection"),
                Map.of("input", Map.of("siteId", t.site, "inspectedOn", today().toString(), "result", "PASSED",
                        "items", List.of(Map.of("item", "STORAGE", "passed", true)))), "recordInspection.inspection.id");
        logSample(t, today().minusDays(2));
        t.rectificationCase = rectificationCase(t, "OPEN");
        t.statement = generate(t, YearMonth.from(today()).minusMonths(24)).get("id").toString();
        deliveryRun(t);
        careAlert(t.diner);
        jdbc.update("INSERT INTO visit (diner_id, visited_on, visitor, minutes, outcome, recorded_by, recorded_at)"
                + " VALUES (?, ?, 'matrix', 30, 'WELL', 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(t.diner), today());
        jdbc.update("INSERT INTO volunteer (name, phone_encrypted, phone_masked, region_id, registered_by, registered_at)"
                + " VALUES (?, 'x', '138****0000', ?, 'matrix', UTC_TIMESTAMP(6))", "矩阵志愿者" + t.name(), Long.valueOf(t.town));
        client.data("admin", named("fixtureSetEvaluationWeights"),
                Map.of("input", Map.of("districtId", t.district, "effectiveMonth", YearMonth.from(today()).minusMonths(2).toString(), "operatingRate", 20,
                        "satisfaction", 20, "inspection", 20, "flags", 20, "noShow", 20)));
        client.data(t.finance, named("fixtureSetFundingBudget"),
                Map.of("input", Map.of("districtId", t.district, "year", today().getYear(), "source", "CITY", "amount", "100000.00")));
    }

    // ------------------------------------------------------------------ fresh things for the cases

    /** An ACTIVE diner living in the tenant's village; the family acts for the own tenant's diners. */
    String diner(Tenant t, String name) {
        String diner = diners.registerActiveSince2020(name, t.village, DinerFixtures.randomBirthDate(1945, 10), List.of(), null);
        if (t.own) {
            link(family, diner);
        }
        return diner;
    }

    /** A valid ID number no diner has. */
    String freshIdNumber() {
        return diners.freshIdNumber(LocalDate.of(1950, 3, 1 + ThreadLocalRandom.current().nextInt(28)), true);
    }

    /** A valid credit code no operator has. */
    String freshCreditCode() {
        return network.freshCreditCode();
    }

    /** A town code under the tenant's district that no region has. */
    String freshTownCode(Tenant t) {
        while (true) {
            String code = t.districtCode.substring(0, 6) + String.format("%03d", 200 + ThreadLocalRandom.current().nextInt(700)) + "000";
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE division_code = ?", Integer.class, code) == 0) {
                return code;
            }
        }
    }

    /** The diners the family account acts for now. */
    java.util.Set<String> familyDiners() {
        return java.util.Set.copyOf(jdbc.queryForList("SELECT l.diner_id FROM family_link l JOIN app_user u ON u.id = l.user_id WHERE u.username = ?",
                String.class, family));
    }

    /** A FINANCE account of the tenant's district that no case has touched yet (made in SQL); returns its id. */
    String freshAccount(Tenant t) {
        String username = TestAccounts.create(jdbc, "FINANCE", null, t.district, "矩阵账号" + next());
        return accountId(username);
    }

    String accountId(String username) {
        return jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM app_user WHERE username = ?", String.class, username);
    }

    /** A new family invitation code for the diner, issued by ADMIN. */
    String invitation(String diner) {
        return (String) client.at("admin", named("fixtureIssueFamilyInvitation"),
                Map.of("input", Map.of("dinerId", diner, "relation", "子女")), "issueFamilyInvitation.code");
    }

    /** An invitation code of a fresh diner of the tenant that is already used. */
    String usedInvitation(Tenant t) {
        String code = invitation(freshDiner(t));
        jdbc.update("UPDATE family_invitation SET redeemed_at = UTC_TIMESTAMP(6), redeemed_by = ? WHERE code_hash = SHA2(?, 256)",
                Long.valueOf(accountId(spareFamily)), code);
        return code;
    }

    /**
     * A VALIDATED roster import (no rows, one row error) uploaded by the tenant's street staff, made in SQL: what the
     * intake cases read, commit or cancel. Returns its id.
     */
    String freshImport(Tenant t) {
        String path = jdbc.queryForObject("SELECT path FROM region WHERE id = ?", String.class, Long.valueOf(t.town));
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            java.sql.PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO intake_import (kind, status, file_name, file_format, scope_path, rows_total, rows_done, error_count,
                                               uploaded_by, actor_username, actor_name, actor_roles, actor_region_id, created_at, validated_at)
                    VALUES ('ROSTER', 'VALIDATED', 'matrix.csv', 'CSV', ?, 1, 1, 1, ?, ?, ?, 'STREET_STAFF', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, path);
            insert.setString(2, t.street);
            insert.setString(3, t.street);
            insert.setString(4, "矩阵镇街");
            insert.setLong(5, Long.parseLong(t.town));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        jdbc.update("INSERT INTO intake_row_error (import_id, row_no, column_name, reason) VALUES (?, 2, '身份证号', 'An ID number is required')", id);
        return String.valueOf(id);
    }

    /** A diner no case has touched yet. */
    String freshDiner(Tenant t) {
        return diner(t, "矩阵新老人" + t.name() + next());
    }

    /** A fresh diner of the tenant assessed (by ADMIN) on 2020-06-01, so long due for reassessment; returns the tenant. */
    Tenant assessedLongAgo(Tenant t) {
        client.data("admin", """
                mutation($input: RecordAbilityAssessmentInput!) { recordAbilityAssessment(input: $input) { userErrors { code } } }""",
                Map.of("input", Map.of("dinerId", freshDiner(t), "level", 3, "assessedOn", "2020-06-01", "assessor", "矩阵评估员")));
        return t;
    }

    void link(String account, String diner) {
        client.data("admin", named("linkFamilyMember"),
                Map.of("input", Map.of("username", account, "dinerId", diner, "relation", "子女")));
    }

    /** A notice to the diner's family, as the departures of issue 19 send them; returns its id. */
    String notice(String diner) {
        jdbc.update("INSERT INTO notice (diner_id, kind, title, body, created_by, created_at) VALUES (?, 'BOOKING_CANCELLED', '订餐已取消', '矩阵通知',"
                + " 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(diner));
        return jdbc.queryForObject("SELECT CAST(MAX(id) AS CHAR) FROM notice WHERE diner_id = ?", String.class, Long.valueOf(diner));
    }

    /** A dine-in booking of 套餐A at the tenant's canteen's lunch, made by ADMIN; returns its id. */
    String book(Tenant t, String diner, LocalDate date) {
        return client.id("admin", named("fixtureBookMeal"),
                Map.of("input", bookInput(t, diner, date)), "bookMeal.booking.id");
    }

    /** The diner's share a booking was quoted at, as payBooking takes it. */
    String dinerPaysOf(String booking) {
        long fen = jdbc.queryForObject("SELECT diner_pays_fen FROM booking WHERE id = ?", Long.class, Long.valueOf(booking));
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    Map<String, Object> bookInput(Tenant t, String diner, LocalDate date) {
        return Map.of("idempotencyKey", key(), "dinerId", diner, "siteId", t.site, "date", date.toString(), "slot", "LUNCH",
                "fulfilment", "DINE_IN", "items", List.of(Map.of("setMealName", SET_MEAL)));
    }

    /**
     * A recurring daily lunch at the tenant's canteen from tomorrow to three days ahead, made by
     * ADMIN; returns its id. Only days with a published menu, so that the booking job, which runs
     * after every createRecurringBooking, books them once and has no skipped day to retry each time.
     */
    String recurring(Tenant t, String diner) {
        return client.id("admin", named("fixtureCreateRecurringBooking"), Map.of("input", recurringInput(t, diner)), "createRecurringBooking.recurringBooking.id");
    }

    Map<String, Object> recurringInput(Tenant t, String diner) {
        return Map.of("idempotencyKey", key(), "dinerId", diner, "siteId", t.site, "slot", "LUNCH", "fulfilment", "DINE_IN",
                "weekdays", List.of(DayOfWeek.values()).stream().map(Enum::name).toList(), "startsOn", today().plusDays(1).toString(),
                "endsOn", today().plusDays(3).toString(), "setMealName", SET_MEAL);
    }

    /** A walk-in's 套餐A logged by the tenant's staff at its canteen, on the diner's behalf (STAFF_PROXY); returns the record id. */
    String serve(Tenant t, String diner, String servedAt) {
        return client.id(t.staff, named("fixtureLogMeal"),
                Map.of("input", logMealInput(t, diner, servedAt)), "logMeal.record.id");
    }

    Map<String, Object> logMealInput(Tenant t, String diner, String servedAt) {
        Map<String, Object> input = new HashMap<>(Map.of("idempotencyKey", key(), "siteId", t.site, "slot", "LUNCH", "dinerId", diner,
                "verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人未带证件"), "items", List.of(Map.of("setMealName", SET_MEAL))));
        if (servedAt != null) {
            input.put("servedAt", servedAt);
        }
        return input;
    }

    /** The tenant's lunch sample log of a date, by its staff. */
    void logSample(Tenant t, LocalDate date) {
        client.data(t.staff, named("fixtureLogSampleRetention"),
                Map.of("input", sampleInput(t, date)));
    }

    Map<String, Object> sampleInput(Tenant t, LocalDate date) {
        return Map.of("siteId", t.site, "date", date.toString(), "slot", "LUNCH",
                "keptAt", ZonedDateTime.of(date, LocalTime.of(12, 30), BusinessTime.ZONE).toOffsetDateTime().toString(), "keeper", "留样员",
                "dishes", List.of(Map.of("name", "清蒸鱼", "weightGrams", 150)));
    }

    /** A month long past that no statement of this run covers yet. */
    YearMonth freshMonth() {
        return YearMonth.from(today()).minusMonths(monthsBack.incrementAndGet());
    }

    /** Generates the tenant's statement of a month by its staff: {id, version}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> generate(Tenant t, YearMonth month) {
        return (Map<String, Object>) client.at(t.staff, named("fixtureGenerateSettlement"),
                Map.of("input", Map.of("operatorId", t.operator, "districtId", t.district, "periodStart", month.atDay(1).toString(),
                        "periodEnd", month.atEndOfMonth().toString())), "generateSettlement.statement");
    }

    /** A fresh statement of the tenant brought to SUBMITTED (by its staff) and, if asked, APPROVED (by its second finance officer): {id, version}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> statement(Tenant t, boolean approved) {
        Map<String, Object> statement = generate(t, freshMonth());
        statement = (Map<String, Object>) client.at(t.staff, named("fixtureSubmitSettlement"),
                Map.of("input", Map.of("statementId", statement.get("id"), "version", statement.get("version"))), "submitSettlement.statement");
        if (approved) {
            statement = (Map<String, Object>) client.at(t.financeB, named("fixtureApproveSettlement"),
                    Map.of("input", Map.of("statementId", statement.get("id"), "version", statement.get("version"))), "approveSettlement.statement");
        }
        return statement;
    }

    /** A draft lunch menu of 套餐A at a site and date, saved by ADMIN; returns its id. */
    String draftMenu(Tenant t, String site, LocalDate date) {
        return client.id("admin", named("fixtureSaveMenu"),
                Map.of("input", menuInput(t, site, date)), "saveMenu.menu.id");
    }

    Map<String, Object> menuInput(Tenant t, String site, LocalDate date) {
        return Map.of("siteId", site, "date", date.toString(), "slot", "LUNCH",
                "items", List.of(Map.of("dishId", t.fish), Map.of("dishId", t.rice)),
                "setMeals", List.of(Map.of("name", SET_MEAL, "price", "10.00", "dishIds", List.of(t.fish, t.rice))));
    }

    /** A published lunch menu of 套餐A at a site and date; returns its id. */
    String publishedMenu(Tenant t, String site, LocalDate date) {
        String menu = draftMenu(t, site, date);
        client.data("admin", named("fixturePublishMenu"),
                Map.of("input", Map.of("menuId", menu)));
        return menu;
    }

    /** A date far enough ahead that no other case used it, for menus. */
    LocalDate freshFutureDate() {
        return today().plusDays(30 + next());
    }

    /** A new PLANNED meal point of the tenant's operator, by ADMIN. */
    String plannedSite(Tenant t) {
        return site(t, "MEAL_POINT", null, null, null);
    }

    /**
     * A contract of the tenant's operator for its whole district in a year far ahead (each call its own
     * year, see {@link #futureYear}), written to the table so that no other cell's contract is in its way.
     */
    String futureContract(Tenant t, int year) {
        jdbc.update("INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at) "
                + "VALUES (?, ?, ?, ?, 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(t.operator), Long.valueOf(t.district),
                java.sql.Date.valueOf(year + "-01-01"), java.sql.Date.valueOf(year + "-12-31"));
        return String.valueOf(jdbc.queryForObject("SELECT MAX(id) FROM operator_contract WHERE note = 'matrix'", Long.class));
    }

    /**
     * A month of its own, long past, for a closeEvaluationMonth cell (a month closes once), with
     * weights in force for the tenant's district from 2000 on.
     */
    String closableMonth(Tenant t) {
        jdbc.update("INSERT IGNORE INTO evaluation_weights (district_id, effective_month, operating_rate, satisfaction, inspection, flags, "
                + "no_show, set_by, set_at) VALUES (?, DATE '2000-01-01', 20, 20, 20, 20, 20, 'matrix', UTC_TIMESTAMP(6))",
                Long.valueOf(t.district));
        return java.time.YearMonth.of(2001, 1).plusMonths(closableMonths.incrementAndGet()).toString();
    }

    // ------------------------------------------------------------------ rectification cases (issue 24.5)

    /**
     * A case of the tenant's operator about its canteen in the status given (a deadline a week ahead when RECTIFYING), made
     * in SQL with a cause of its own; returns its id.
     */
    String rectificationCase(Tenant t, String status) {
        String key = "MATRIX:" + t.name() + ":" + next() + ":" + System.nanoTime();
        jdbc.update("INSERT INTO rectification_case (operator_id, district_id, site_id, cause, cause_key, inspection_id, status, rectification_due,"
                + " opened_at, updated_at) VALUES (?, ?, ?, 'FAILED_INSPECTION', ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                Long.valueOf(t.operator), Long.valueOf(t.district), Long.valueOf(t.site), key, Long.valueOf(t.inspection), status,
                status.equals("RECTIFYING") ? java.sql.Date.valueOf(today().plusDays(7)) : null);
        String id = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM rectification_case WHERE cause_key = ?", String.class, key);
        jdbc.update("INSERT INTO rectification_step (case_id, kind, status_before, status_after, note, actor, acted_at)"
                + " VALUES (?, 'OPENED', NULL, 'OPEN', 'matrix', 'matrix', UTC_TIMESTAMP(6))", Long.valueOf(id));
        return id;
    }

    /** 2000-06 of the tenant's district, closed by ADMIN through the API the first time it is asked for (before any other case's month). */
    String closedMonth(Tenant t) {
        String month = "2000-06";
        closableMonth(t); // for the weights it puts in force from 2000
        if (jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_close WHERE district_id = ? AND month = DATE '2000-06-01'", Integer.class,
                Long.valueOf(t.district)) == 0) {
            client.data("admin", """
                    mutation($input: CloseEvaluationMonthInput!) { closeEvaluationMonth(input: $input) { userErrors { code } } }""",
                    Map.of("input", Map.of("districtId", t.district, "month", month)));
        }
        return month;
    }

    /** A year of its own for a contract of a matrix cell: contracts of different years never overlap. */
    int futureYear() {
        return 5000 + next();
    }

    /** A draft policy of the tenant's district taking effect a century ahead, by ADMIN; returns its id. */
    String draftPolicy(Tenant t) {
        return client.id("admin", named("fixtureCreateSubsidyPolicy"),
                Map.of("input", policyInput(t, today().plusYears(100).plusDays(next()))), "createSubsidyPolicy.policy.id");
    }

    Map<String, Object> policyInput(Tenant t, LocalDate effectiveFrom) {
        return Map.of("districtId", t.district, "name", "矩阵政策", "effectiveFrom", effectiveFrom.toString(), "dinerFloor", "1.00",
                "mealsPerDay", 1, "mealsPerSlot", 1, "standardPrice", "10.00",
                "tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
    }

    /** Slots and fulfilment as the tenant's sites have them: what updateSite cases send back unchanged. */
    static List<Map<String, Object>> lunchSlots() {
        return List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 500));
    }

    static String monday() {
        return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    }

    // ------------------------------------------------------------------ applications (申请—审核—公示)

    private final Map<String, String> worldApplications = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A new application for the tenant's diner (linked to the family in the own tenant), claiming LIVING_ALONE with evidence
     * of its own, submitted by the tenant's HOTLINE; returns its id.
     */
    String application(Tenant t) {
        return client.id(t.hotline, """
                mutation($input: SubmitSubsidyApplicationInput!) { submitSubsidyApplication(input: $input) { application { id } userErrors { code } } }""",
                Map.of("input", Map.of("dinerId", t.diner, "callReference", "RX-matrix",
                        "claims", List.of(Map.of("category", "LIVING_ALONE", "evidenceRef", "矩阵证明-" + next(), "validFrom", "2026-01-01")))),
                "submitSubsidyApplication.application.id");
    }

    /** The tenant's application that the list and read cases find: made once. */
    String worldApplication(Tenant t) {
        return worldApplications.computeIfAbsent(t.name(), name -> application(t));
    }

    /**
     * A new application of the tenant approved by ADMIN and in its publicity period today (its period moved a day back,
     * as approval publishes from the next day); returns its number.
     */
    String publishedApplication(Tenant t) {
        String id = application(t);
        client.data("admin", """
                mutation($input: ApproveSubsidyApplicationInput!) { approveSubsidyApplication(input: $input) { application { id } userErrors { code } } }""",
                Map.of("input", Map.of("applicationId", id)));
        jdbc.update("UPDATE subsidy_application SET publicity_from = publicity_from - INTERVAL 1 DAY WHERE id = ? AND status = 'IN_PUBLICITY'",
                Long.valueOf(id));
        return jdbc.queryForObject("SELECT application_no FROM subsidy_application WHERE id = ?", String.class, Long.valueOf(id));
    }

    /** The tenant's published application that the publicity list cases find: made once. */
    String worldPublicity(Tenant t) {
        return worldApplications.computeIfAbsent("publicity" + t.name(), name -> publishedApplication(t));
    }

    // ------------------------------------------------------------------ helpers

    private String site(Tenant t, String kind, String suppliedBy, Double lat, Double lng) {
        org.zhucan.testsupport.Contracts.cover(jdbc, t.operator, t.village);
        Map<String, Object> input = new HashMap<>(Map.of("name", "矩阵" + kind + t.name() + System.nanoTime(), "kind", kind,
                "communityId", t.village, "operatorId", t.operator, "address", "矩阵路" + next() + "号"));
        if (!"CENTRAL_KITCHEN".equals(kind)) {
            input.put("slots", lunchSlots());
            input.put("fulfilments", List.of(Map.of("mode", "DINE_IN"), Map.of("mode", "DELIVERY", "fee", "2.00")));
        }
        if (suppliedBy != null) {
            input.put("suppliedById", suppliedBy);
        }
        if (lat != null) {
            input.put("latitude", lat);
            input.put("longitude", lng);
        }
        return client.id("admin", named("fixtureCreateSite"),
                Map.of("input", input), "createSite.site.id");
    }

    private String dish(String operator, String name, String price) {
        return client.id("admin", named("fixtureSaveDish"),
                Map.of("input", Map.of("operatorId", operator, "name", name + System.nanoTime(), "price", price)), "saveDish.dish.id");
    }

    private void publishPolicy(Tenant t) {
        String policy = client.id("admin", named("fixtureCreateSubsidyPolicy"),
                Map.of("input", policyInput(t, LocalDate.of(2024, 1, 1))), "createSubsidyPolicy.policy.id");
        client.data("admin", named("fixturePublishSubsidyPolicy"),
                Map.of("input", Map.of("policyId", policy)));
    }
}
