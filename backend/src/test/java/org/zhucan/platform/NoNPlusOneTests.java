package org.zhucan.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The general N+1 guard. Every root field of the schema that lists rows and takes {@code first}
 * (a Connection, or a list such as nearbySites) is read with every field below its rows selected,
 * down to {@value #DEPTH} object levels (no field twice on a path; nested lists at {@code first: 2}),
 * as each demo account: once at {@code first: N}, and once for each of those rows alone
 * ({@code first: 1}, after the row before it). Rows differ in what they load (an inspection that
 * follows up another loads that one's items; a flagged meal record its flags; a delivery booking its
 * site's staff check), so where one row's shape (the objects and non-empty lists in its answer) holds
 * every other row's, the N rows together must cost no more SQL statements than the costliest row
 * alone: a resolver that reads once per row makes N rows cost more than any one of them. Where no
 * row's shape holds the others', the longest run of neighbouring rows of one shape is read as a page
 * of its own and must cost what its first row alone costs.
 *
 * <p>A role whose reading is forbidden, or who sees fewer than two rows, is not compared for that
 * field; every field must be compared for at least one role. Each role is there because resolvers
 * check permissions per role: the family account's {@code Diner.mealCardQr} once read the family's
 * links once per diner, which ADMIN's reading never did. Where the demo data has no rows, the test
 * adds them (settlement statements, flagged meal records).
 *
 * <p>What the generator cannot cover is listed below with the reason, and the lists are checked
 * against the schema, so a new field that falls out of the guard fails here until it is listed.
 */
class NoNPlusOneTests extends ApiTest {

    /**
     * Rows of the larger page: four put mealRecords, selected whole (with the diner's residences, category history and
     * applications of issue 19), over the query complexity limit.
     */
    private static final int N = 3;
    /** Object levels selected below a row: diners.edges.node.homeCommunity.parent.parent is three. */
    private static final int DEPTH = 3;
    private static final List<String> CALLERS = List.of("admin", "finance", "operator", "inspector", "family");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /**
     * Root fields that list rows but take no {@code first}: a request cannot ask for 1 and for N rows
     * of them, so this guard does not compare them. Each says how many rows it has, and which test,
     * if any, counts its statements; those marked "not counted" are the guard's known gap.
     */
    private static final Map<String, String> LISTS_WITHOUT_FIRST = Map.of(
            "regions", "the children of one region, as many as the data has; not counted",
            "recurringBookings", "one diner's standing orders, a handful; not counted",
            "repeatedNoShows", "a report of one operator's diners with no-shows since a date; not counted",
            "weekMenu", "the week's menus of one site, at most a slot a day each; MenuApiTests counts them",
            "faceTerminals", "one site's terminals, a handful; not counted",
            "subsidyPolicies", "one district's policy versions, a handful; not counted",
            "mealsToRate", "the family's meals of the last days; SatisfactionReadTests counts them at 1 and at 4",
            "deliveryRuns", "one site's runs of a slot, one per courier; DeliveryApiTests counts them at 1 and at 3",
            "visits", "one diner's visits, about one a month; not counted",
            "visitRates", "the communities under a region, one row each; not counted (community is one batched read)");

    /**
     * Fields below the rows that the generated selection leaves out, because they take an argument
     * the generator has no value for: each needs a value only a person can choose.
     */
    private static final Map<String, String> FIELDS_LEFT_OUT = Map.of(
            "Site.menu", "a date and slot only a person chooses; SiteMenuApiTests counts it at 10, 50 and 100 sites",
            "Site.menus", "a date range only a person chooses; batched by the same DataLoader as Site.menu (SiteMenuApiTests)");

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldListEveryListRootFieldEitherAsComparedOrWithAReason() {
        Set<String> withoutFirst = new TreeSet<>();
        for (GraphQLFieldDefinition field : schema().getQueryType().getFieldDefinitions()) {
            if (listsRows(field) && field.getArgument("first") == null) {
                withoutFirst.add(field.getName());
            }
        }
        assertThat(withoutFirst).as("list root fields without first: give each a reason in LISTS_WITHOUT_FIRST")
                .isEqualTo(new TreeSet<>(LISTS_WITHOUT_FIRST.keySet()));
        Map<String, String> leftOut = new TreeMap<>();
        for (GraphQLFieldDefinition root : pagedRoots()) {
            selection(rowType(root), 0, leftOut);
        }
        assertThat(leftOut.keySet()).as("fields the generated selection leaves out: give each a reason in FIELDS_LEFT_OUT")
                .isEqualTo(FIELDS_LEFT_OUT.keySet());
    }

    @TestFactory
    Stream<DynamicTest> shouldSendAsManyStatementsForNRowsAsForOne() {
        twoSettlementStatements();
        twoMealRecordFlags();
        noticesOfTheFamily();
        careAlertsAndVolunteers();
        twoApplicationsInPublicity();
        // intakeImports lists the imports: at least N of them (each run of the guard adds one more)
        while (jdbc.queryForObject("SELECT COUNT(*) FROM intake_import", Integer.class) < N) {
            rosterWithRowsInError();
        }
        Map<String, Supplier<Map<String, Object>>> arguments = arguments();
        List<GraphQLFieldDefinition> roots = pagedRoots();
        Set<String> unargued = new TreeSet<>();
        roots.forEach(root -> {
            boolean needsArguments = root.getArguments().stream().anyMatch(argument -> GraphQLTypeUtil.isNonNull(argument.getType())
                    && !argument.hasSetDefaultValue());
            if (needsArguments && !arguments.containsKey(root.getName())) {
                unargued.add(root.getName());
            }
        });
        assertThat(unargued).as("root fields with required arguments that arguments() has no values for").isEmpty();
        return roots.stream().map(root -> DynamicTest.dynamicTest(root.getName(), () -> {
            Map<String, Object> variables = new HashMap<>(arguments.getOrDefault(root.getName(), Map::of).get());
            String document = document(root, variables.keySet());
            List<String> compared = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (String caller : CALLERS) {
                Map<String, Object> atN = read(caller, document, variables, N, null);
                List<?> errors = (List<?>) atN.get("errors");
                if (errors != null && !errors.isEmpty()) {
                    if (forbidden(errors)) {
                        skipped.add(caller + ": forbidden");
                    } else {
                        failures.add(caller + ": errors " + errors);
                    }
                    continue;
                }
                List<String> cursors = cursors(root, atN);
                if (cursors.size() < 2) {
                    skipped.add(caller + ": " + cursors.size() + " row(s)");
                    continue;
                }
                // each row of the page alone: the first at first: 1, every other at first: 1 after the one before it
                List<String> afters = new ArrayList<>();
                afters.add(null);
                if (root.getArgument("after") != null) {
                    afters.addAll(cursors.subList(0, cursors.size() - 1));
                }
                for (String after : afters) {
                    assertThat(cursors(root, read(caller, document, variables, 1, after))).as(root.getName() + " as " + caller + " at first: 1")
                            .hasSize(1);
                }
                List<Long> alone = afters.stream().map(after -> statementsDuring(() -> read(caller, document, variables, 1, after))).toList();
                long many = fewestStatements(() -> read(caller, document, variables, N, null), java.util.Collections.max(alone));
                List<Set<String>> shapes = rows(root, atN).stream().map(row -> shape(row, "", new TreeSet<>())).toList();
                Set<String> union = new TreeSet<>();
                shapes.forEach(union::addAll);
                int covering = shapes.indexOf(union);
                if (covering >= 0 && covering < alone.size()) {
                    String counts = many + " statements for " + cursors.size() + " rows; " + alone + " for each row alone";
                    // a row can cost more than its shape shows (a delivery booking's address check), so the
                    // page is held to the costliest row alone; an N+1 makes it cost more than every one
                    (many <= java.util.Collections.max(alone) ? compared : failures).add(caller + " (" + counts + ")");
                    continue;
                }
                // no row loads all that the others load: compare the longest run of rows that load the same
                int[] run = longestRunOfOneShape(shapes);
                if (root.getArgument("after") == null || run[1] - run[0] < 2) {
                    skipped.add(caller + ": " + cursors.size() + " rows of differing shapes, none loading all the others load");
                    continue;
                }
                String after = run[0] == 0 ? null : cursors.get(run[0] - 1);
                int length = run[1] - run[0];
                read(caller, document, variables, length, after);
                long ofRun = fewestStatements(() -> read(caller, document, variables, length, after), alone.get(run[0]));
                String counts = ofRun + " statements for rows " + (run[0] + 1) + " to " + run[1] + " of one shape; " + alone.get(run[0])
                        + " for the first alone (all " + cursors.size() + " rows: " + many + "; each alone: " + alone + ")";
                (ofRun == alone.get(run[0]) ? compared : failures).add(caller + " (" + counts + ")");
            }
            org.slf4j.LoggerFactory.getLogger(NoNPlusOneTests.class).info("{}: compared {}; not compared {}", root.getName(), compared, skipped);
            assertThat(failures).as(root.getName() + " grows with its rows:\n" + document).isEmpty();
            assertThat(compared).as(root.getName() + " was compared for no role (" + skipped + "): the demo data needs more rows").isNotEmpty();
        }));
    }

    // ------------------------------------------------------------------ the schema

    private GraphQLSchema schema() {
        return graphQlSource.schema();
    }

    /** Root fields that list rows and take first, in schema order. */
    private List<GraphQLFieldDefinition> pagedRoots() {
        return schema().getQueryType().getFieldDefinitions().stream()
                .filter(field -> listsRows(field) && field.getArgument("first") != null).toList();
    }

    private static boolean listsRows(GraphQLFieldDefinition field) {
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getType());
        return type instanceof GraphQLList || connection(field) != null;
    }

    /** The row type of a Connection (its edges' node), else null. */
    private static GraphQLObjectType connection(GraphQLFieldDefinition field) {
        if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type && type.getName().endsWith("Connection")
                && type.getFieldDefinition("edges") != null) {
            GraphQLObjectType edge = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(type.getFieldDefinition("edges").getType());
            return (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(edge.getFieldDefinition("node").getType());
        }
        return null;
    }

    private static GraphQLObjectType rowType(GraphQLFieldDefinition root) {
        GraphQLObjectType node = connection(root);
        return node != null ? node : (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(root.getType());
    }

    /** The query, generated from the schema for each list root: the root at $first, its other arguments as variables, every field below the rows. */
    private String document(GraphQLFieldDefinition root, Set<String> argumentNames) {
        StringBuilder declared = new StringBuilder("$first: Int");
        StringBuilder passed = new StringBuilder("first: $first");
        if (root.getArgument("after") != null) {
            declared.append(", $after: String");
            passed.append(", after: $after");
        }
        for (String name : argumentNames) {
            GraphQLArgument argument = root.getArgument(name);
            declared.append(", $").append(name).append(": ").append(GraphQLTypeUtil.simplePrint(argument.getType()));
            passed.append(", ").append(name).append(": $").append(name);
        }
        String rows = selection(rowType(root), 0, new TreeMap<>());
        String body = connection(root) != null ? "{ edges { cursor node " + rows + " } }" : rows;
        return "query(" + declared + ") { " + root.getName() + "(" + passed + ") " + body + " }";
    }

    /**
     * Every field of an object type, objects recursively to {@link #DEPTH} levels below the row;
     * nested lists that page take first: 2. Fields whose required arguments have no value are put in
     * leftOut as Type.field.
     */
    private static String selection(GraphQLObjectType type, int depth, Map<String, String> leftOut) {
        return selection(type, depth, Set.of(), leftOut);
    }

    private static String selection(GraphQLObjectType type, int depth, Set<String> path, Map<String, String> leftOut) {
        List<String> fields = new ArrayList<>();
        for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
            String name = type.getName() + "." + field.getName();
            List<String> arguments = new ArrayList<>();
            boolean unfillable = false;
            for (GraphQLArgument argument : field.getArguments()) {
                if (argument.getName().equals("first")) {
                    arguments.add("first: 2");
                } else if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    unfillable = true;
                }
            }
            if (unfillable) {
                leftOut.put(name, "a required argument");
                continue;
            }
            String call = field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
            GraphQLNamedOutputType target = (GraphQLNamedOutputType) GraphQLTypeUtil.unwrapAll(field.getType());
            if (target instanceof GraphQLObjectType object) {
                if (depth < DEPTH && !path.contains(name)) {
                    Set<String> below = new java.util.HashSet<>(path);
                    below.add(name);
                    fields.add(call + " " + selection(object, depth + 1, below, leftOut));
                }
            } else if (GraphQLTypeUtil.isLeaf(target)) {
                fields.add(call);
            } else {
                throw new IllegalStateException(type.getName() + "." + field.getName() + " is an interface or union: teach the guard fragments");
            }
        }
        return "{ " + String.join(" ", fields) + " }";
    }

    // ------------------------------------------------------------------ requests

    /** Values for the arguments a root field requires, from the demo data. */
    private Map<String, Supplier<Map<String, Object>>> arguments() {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        Map<String, Object> window = Map.of("from", today.minusDays(30).toString(), "to", today.toString());
        Map<String, Supplier<Map<String, Object>>> arguments = new LinkedHashMap<>();
        arguments.put("dishes", () -> Map.of("operatorId", jdbc.queryForObject(
                "SELECT operator_id FROM dish GROUP BY operator_id ORDER BY COUNT(*) DESC, operator_id LIMIT 1", String.class)));
        arguments.put("sampleRetentions", () -> Map.of("filter", window));
        arguments.put("missingSampleLogs", () -> Map.of("filter", window));
        arguments.put("mealRecordFlags", () -> Map.of("filter", window));
        arguments.put("publicSubsidyPolicies", () -> Map.of("districtId", twoPublishedPolicies()));
        arguments.put("publicOperatorEvaluations", () -> Map.of("districtId",
                jdbc.queryForObject("SELECT region_id FROM app_user WHERE username = 'finance'", String.class),
                "month", java.time.YearMonth.from(today).minusMonths(1).toString()));
        // every assessment of the demo district is due by 2100; assessedDemoDiners() makes sure there are some
        arguments.put("assessmentsDue", () -> Map.of("regionId", assessedDemoDiners(), "on", "2100-01-01"));
        arguments.put("intakeImportErrors", () -> Map.of("importId", rosterWithRowsInError()));
        arguments.put("prepaidEntries", () -> Map.of("dinerId", prepaidDinerWithEntries()));
        arguments.put("nearbySites", () -> {
            Map<String, Object> site = jdbc.queryForMap("SELECT latitude, longitude FROM site WHERE latitude IS NOT NULL ORDER BY id LIMIT 1");
            return Map.of("lat", ((Number) site.get("latitude")).doubleValue(), "lng", ((Number) site.get("longitude")).doubleValue(),
                    "radiusMeters", 20_000);
        });
        return arguments;
    }

    /**
     * A demo diner with a prepaid ledger of more than N entries: adjustments of 0.01 added with their balance, as
     * adjustPrepaid writes them, so that the balance still adds up.
     */
    private String prepaidDinerWithEntries() {
        long diner = jdbc.queryForObject("SELECT MIN(id) FROM diner", Long.class);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM prepaid_entry WHERE diner_id = ?", Integer.class, diner) <= N) {
            jdbc.update("""
                    INSERT INTO prepaid_entry (diner_id, kind, amount_fen, reason, created_by, created_at)
                    VALUES (?, 'ADJUSTMENT', 1, 'N+1 guard', 'admin', CURRENT_TIMESTAMP(6))""", diner);
            jdbc.update("""
                    INSERT INTO prepaid_balance (diner_id, balance_fen, updated_at) VALUES (?, 1, CURRENT_TIMESTAMP(6))
                    ON DUPLICATE KEY UPDATE balance_fen = balance_fen + 1""", diner);
        }
        return String.valueOf(diner);
    }

    /**
     * A roster of N + 1 rows, each with an ID number whose check character is wrong, uploaded by ADMIN and checked
     * by its dry run: an import with as many rows in error. Each run uploads one more.
     */
    @SuppressWarnings("unchecked")
    private String rosterWithRowsInError() {
        StringBuilder csv = new StringBuilder("姓名,身份证号,社区,住址\n");
        for (int i = 0; i <= N; i++) {
            csv.append("防N+1-").append(i).append(",41037119400101102").append((char) ('A' + i)).append(",正泰新都社区,正泰新都1号\n");
        }
        Map<String, Object> uploaded = http().post().uri("/intake/rosters?fileName=n-plus-one.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("admin")).contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange().expectStatus().isAccepted().expectBody(JSON).returnResult().getResponseBody();
        String id = String.valueOf(uploaded.get("id"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "VALIDATED".equals(jdbc.queryForObject("SELECT status FROM intake_import WHERE id = ?", String.class, Long.valueOf(id))));
        return id;
    }

    /**
     * The demo district's diners have no ability assessments: five of them get one, dated 2021-01-01,
     * once; a later run finds them and adds none. Returns the district.
     */
    private String assessedDemoDiners() {
        String district = jdbc.queryForObject("SELECT region_id FROM app_user WHERE username = 'finance'", String.class);
        String path = jdbc.queryForObject("SELECT path FROM region WHERE id = ?", String.class, Long.valueOf(district));
        Integer assessed = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT a.diner_id) FROM ability_assessment a JOIN diner d ON d.id = a.diner_id
                JOIN region c ON c.id = d.home_community_id WHERE d.status = 'ACTIVE' AND c.path LIKE CONCAT(?, '%')""", Integer.class, path);
        if (assessed == null || assessed < N + 1) {
            jdbc.update("""
                    INSERT INTO ability_assessment (diner_id, level, assessed_on, assessor, recorded_by, recorded_at)
                    SELECT d.id, 2, '2021-01-01', '计数评估员', 'test', UTC_TIMESTAMP(6) FROM diner d JOIN region c ON c.id = d.home_community_id
                    WHERE d.status = 'ACTIVE' AND c.path LIKE CONCAT(?, '%') ORDER BY d.id LIMIT 5""", path);
        }
        return district;
    }

    /**
     * The demo district has one published policy: a second, effective in 2100 (so that no quote of
     * today changes), published by ADMIN once; a later run finds two and adds none. Returns the district.
     */
    @SuppressWarnings("unchecked")
    private String twoPublishedPolicies() {
        String district = jdbc.queryForObject("SELECT region_id FROM app_user WHERE username = 'finance'", String.class);
        Integer published = jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_policy WHERE district_id = ? AND status = 'PUBLISHED'",
                Integer.class, Long.valueOf(district));
        if (published != null && published >= 2) {
            return district;
        }
        Map<String, Object> input = Map.of("districtId", district, "name", "计数用政策", "effectiveFrom", "2100-01-01", "dinerFloor", "1.00",
                "mealsPerDay", 1, "mealsPerSlot", 1, "tiers", List.of(Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
        Map<String, Object> created = read("admin", TestDocuments.named("fixtureCreateSubsidyPolicy"), Map.of("input", input), null, null);
        Object policyId = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) created.get("data")).get("createSubsidyPolicy"))
                .get("policy")).get("id");
        Map<String, Object> publishedNow = read("admin", TestDocuments.named("fixturePublishSubsidyPolicy"),
                Map.of("input", Map.of("policyId", policyId)), null, null);
        assertThat(publishedNow.get("errors")).as("publishSubsidyPolicy").isNull();
        return district;
    }

    /**
     * The demo data has no settlement statement: two, of months long past and so empty, for the demo
     * operator in the demo district. A later run finds them there (PERIOD_OVERLAPS) and adds none.
     */
    @SuppressWarnings("unchecked")
    private void twoSettlementStatements() {
        String operator = jdbc.queryForObject("SELECT operator_id FROM app_user WHERE username = 'operator'", String.class);
        String district = jdbc.queryForObject("SELECT region_id FROM app_user WHERE username = 'finance'", String.class);
        for (java.time.YearMonth month : List.of(java.time.YearMonth.of(2001, 1), java.time.YearMonth.of(2001, 2))) {
            Map<String, Object> response = read("admin", TestDocuments.named("fixtureGenerateSettlement"),
                    Map.of("input", Map.of("operatorId", operator, "districtId", district, "periodStart", month.atDay(1).toString(),
                            "periodEnd", month.atEndOfMonth().toString())), null, null);
            assertThat(response.get("errors")).as("generateSettlement").isNull();
            List<Map<String, Object>> userErrors = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
                    .get("generateSettlement")).get("userErrors");
            assertThat(userErrors).as("generateSettlement for " + month).allSatisfy(error -> assertThat(error.get("code")).isEqualTo("PERIOD_OVERLAPS"));
        }
    }

    /**
     * The demo data has no flagged meal record: a canteen of the demo operator serves two diners who
     * died today, and each of their meals is flagged DINER_NOT_ACTIVE. Each run adds two more.
     */
    private void twoMealRecordFlags() {
        String operator = jdbc.queryForObject("SELECT operator_id FROM app_user WHERE username = 'operator'", String.class);
        String community = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        String site = Canteens.open(as("admin"), jdbc, community, operator, "防N+1食堂", today);
        DinerFixtures diners = new DinerFixtures(as("admin"), jdbc);
        for (int i = 0; i < 2; i++) {
            String diner = diners.registerActiveSince2020("防N+1老人" + i, community, LocalDate.of(1940 + i, 3, 3), List.of(), null);
            as("admin").documentName("fixtureChangeDinerStatus")
                    .variable("input", Map.of("dinerId", diner, "status", "DECEASED", "effectiveOn", today.toString(), "reason", "病故"))
                    .execute().path("changeDinerStatus.userErrors").entityList(Object.class).hasSize(0);
            Canteens.serveWalkIn(as("operator"), site, diner, java.time.OffsetDateTime.now(BusinessTime.ZONE).minusMinutes(1).toString());
        }
    }

    /** Notices to the demo family account's diners (the demo data has none), as the departures of issue 19 send them. */
    /**
     * The demo data has one volunteer and no open care alert: each of the family's diners gets an alert of each kind
     * (closed first when open, by the same unique key the service keeps), each with a follow-up, and N volunteers are added.
     */
    private void careAlertsAndVolunteers() {
        for (Long diner : jdbc.queryForList("SELECT f.diner_id FROM family_link f JOIN app_user u ON u.id = f.user_id WHERE u.username = 'family'",
                Long.class)) {
            for (String kind : List.of("WELLNESS_CONCERN", "NO_ANSWER")) {
                jdbc.update("UPDATE care_alert SET status = 'CLOSED', outcome = 'test', closed_at = UTC_TIMESTAMP(6),"
                        + " acknowledged_at = COALESCE(acknowledged_at, UTC_TIMESTAMP(6)) WHERE diner_id = ? AND kind = ? AND status <> 'CLOSED'", diner, kind);
                jdbc.update("INSERT INTO care_alert (diner_id, kind, detail, status, raised_by, raised_at)"
                        + " VALUES (?, ?, '防N+1提醒', 'OPEN', 'test', UTC_TIMESTAMP(6))", diner, kind);
                jdbc.update("INSERT INTO care_alert_follow_up (alert_id, note, recorded_by, recorded_at)"
                        + " SELECT MAX(id), '防N+1跟进', 'test', UTC_TIMESTAMP(6) FROM care_alert WHERE diner_id = ?", diner);
            }
        }
        for (int i = 0; i < N; i++) {
            jdbc.update("INSERT INTO volunteer (name, phone_encrypted, phone_masked, region_id, registered_by, registered_at)"
                    + " SELECT '防N+1志愿者', 'x', '139****0000', id, 'test', UTC_TIMESTAMP(6) FROM region WHERE name = '孝文街道'");
        }
    }

    private void noticesOfTheFamily() {
        for (Long diner : jdbc.queryForList("SELECT f.diner_id FROM family_link f JOIN app_user u ON u.id = f.user_id WHERE u.username = 'family'",
                Long.class)) {
            for (int i = 0; i < N; i++) {
                jdbc.update("INSERT INTO notice (diner_id, kind, title, body, created_by, created_at)"
                        + " VALUES (?, 'BOOKING_CANCELLED', '订餐已取消', '防N+1通知', 'test', UTC_TIMESTAMP(6))", diner);
            }
        }
    }

    /**
     * The demo data has no subsidy application: the family submits one for each of its first two diners, ADMIN approves
     * them, and their publicity periods are moved a day back so that the public list shows them today. Each run adds two more.
     */
    @SuppressWarnings("unchecked")
    private void twoApplicationsInPublicity() {
        List<String> familyDiners = jdbc.queryForList("""
                SELECT CAST(l.diner_id AS CHAR) FROM family_link l JOIN app_user u ON u.id = l.user_id JOIN diner d ON d.id = l.diner_id
                WHERE u.username = 'family' AND d.status = 'ACTIVE' ORDER BY l.diner_id LIMIT 2""", String.class);
        assertThat(familyDiners).hasSize(2);
        for (String diner : familyDiners) {
            Map<String, Object> submitted = read("family", TestDocuments.named("eligibilitySubmit"), Map.of("input", Map.of("dinerId", diner,
                    "claims", List.of(Map.of("category", "LIVING_ALONE", "evidenceRef", "防N+1-" + System.nanoTime(), "validFrom", "2026-01-01")))),
                    null, null);
            Object id = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) submitted.get("data")).get("submitSubsidyApplication"))
                    .get("application")).get("id");
            Map<String, Object> approved = read("admin", TestDocuments.named("eligibilityApprove"), Map.of("input", Map.of("applicationId", id)), null, null);
            assertThat(approved.get("errors")).as("approveSubsidyApplication").isNull();
            jdbc.update("UPDATE subsidy_application SET publicity_from = publicity_from - INTERVAL 1 DAY WHERE id = ?", Long.valueOf(id.toString()));
        }
    }

    /** The raw response, errors and all, of the query at first (and after, when not null) as the caller. */
    private Map<String, Object> read(String caller, String document, Map<String, Object> variables, Integer first, String after) {
        Map<String, Object> withFirst = new HashMap<>(variables);
        if (first != null) {
            withFirst.put("first", first);
        }
        if (after != null) {
            withFirst.put("after", after);
        }
        return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(caller))
                .bodyValue(Map.of("query", document, "variables", withFirst))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String caller) {
        return tokens.computeIfAbsent(caller, username -> login(username, DEMO_PASSWORD));
    }

    /**
     * What reading a row loads: every path below it that holds an object or a non-empty list (list
     * positions folded together). Two rows of one shape call the same resolvers.
     */
    private static Set<String> shape(Object value, String path, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            into.add(path);
            map.forEach((key, child) -> shape(child, path + "." + key, into));
        } else if (value instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof String)) {
            // a list of scalars or enum values (a diner's allergies, a dish's tags) is read with its row and loads
            // nothing: it is no part of the row's shape, or rows would differ by what a person happens to have
            into.add(path + "[]");
            list.forEach(element -> shape(element, path + "[]", into));
        }
        return into;
    }

    /** From (inclusive) and to (exclusive) of the first longest run of neighbouring rows of one shape. */
    private static int[] longestRunOfOneShape(List<Set<String>> shapes) {
        int[] best = {0, 1};
        int start = 0;
        for (int i = 1; i <= shapes.size(); i++) {
            if (i == shapes.size() || !shapes.get(i).equals(shapes.get(start))) {
                if (i - start > best[1] - best[0]) {
                    best = new int[] {start, i};
                }
                start = i;
            }
        }
        return best;
    }

    /** The rows of an answer: the nodes of a Connection's edges, or the list's elements. */
    @SuppressWarnings("unchecked")
    private static List<Object> rows(GraphQLFieldDefinition root, Map<String, Object> response) {
        Object value = ((Map<String, Object>) response.get("data")).get(root.getName());
        if (connection(root) == null) {
            return (List<Object>) value;
        }
        return ((List<Map<String, Object>>) ((Map<String, Object>) value).get("edges")).stream().map(edge -> edge.get("node")).toList();
    }

    /** The cursors of the rows of an answer; for a list without cursors, one null per row. */
    @SuppressWarnings("unchecked")
    private static List<String> cursors(GraphQLFieldDefinition root, Map<String, Object> response) {
        Object value = ((Map<String, Object>) response.get("data")).get(root.getName());
        if (connection(root) == null) {
            return java.util.Collections.nCopies(((List<?>) value).size(), null);
        }
        return ((List<Map<String, Object>>) ((Map<String, Object>) value).get("edges")).stream().map(edge -> (String) edge.get("cursor")).toList();
    }

    @SuppressWarnings("unchecked")
    private static boolean forbidden(List<?> errors) {
        return errors.stream().allMatch(error -> error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions
                && "FORBIDDEN".equals(((Map<String, Object>) extensions).get("classification")));
    }
}
