package org.zhucan.serving;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TwoSlotDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.TwoSlotDistrict.offline;
import static org.zhucan.testsupport.TwoSlotDistrict.walkIn;

/**
 * logMeal's idempotency key, kept on the meal record it made (its site's clientRecordId, V42): repeats at once on two
 * application instances make one record and all answer it; the key is refused for another input, another account or
 * an offline record of the site; and it is the record's at its site only.
 */
class CounterKeyTests extends ApiTest {

    /** Races released together, each with its own diner and key: on a busy machine a single one may happen not to overlap. */
    private static final int ROUNDS = 3;
    private static final int REPEATS = 6;

    private static TwoSlotDistrict.WithTwoCanteens district;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void districtWithCanteensServingYesterdayAndToday() {
        logInDemoAccounts();
        if (district == null) {
            district = TwoSlotDistrict.WithTwoCanteens.of(this::as, jdbc, yesterday(), DistrictWorld.today());
        }
    }

    /** The day the tests' meals are served: a past day, so that servedAt never lies ahead of the clock. */
    private static LocalDate yesterday() {
        return DistrictWorld.today().minusDays(1);
    }

    @Test
    void shouldRecordOneMealWhenTheSameKeyIsLoggedAtOnceOnTwoInstances() throws Exception {
        HttpGraphQlTester first = as(district.world().staff);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            HttpGraphQlTester other = testerAt(second.getEnvironment().getRequiredProperty("local.server.port", Integer.class), district.world().staff);
            for (int round = 0; round < ROUNDS; round++) {
                String diner = district.world().diners(1).get(0);
                Map<String, Object> input = walkIn(district.siteA(), "LUNCH", diner, shanghai(yesterday(), 12, 0));
                List<String> answers = Race.run(REPEATS, i -> loggedRecord(i % 2 == 0 ? first : other, input));
                assertThat(answers).as("round %d: every repeat answers the first record", round).containsOnly(answers.get(0));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ?", Integer.class, Long.valueOf(diner)))
                        .as("round %d: records", round).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT meals FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'D'", Integer.class,
                        Long.valueOf(diner))).as("round %d: the day's subsidised meals", round).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE diner_id = ?", Integer.class, Long.valueOf(diner)))
                        .as("round %d: the diner's share taken once", round).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldKeepTheKeyOnItsRecordAndRefuseItForAnythingElseAtTheSite() {
        HttpGraphQlTester staff = as(district.world().staff);
        List<String> diners = district.world().diners(3);
        Map<String, Object> input = walkIn(district.siteA(), "LUNCH", diners.get(0), shanghai(yesterday(), 12, 0));
        String key = (String) input.get("idempotencyKey");
        String record = loggedRecord(staff, input);
        assertThat(jdbc.queryForObject("SELECT client_record_id FROM meal_record WHERE id = ?", String.class, Long.valueOf(record))).isEqualTo(key);

        // the same request by another account that may log meals there
        assertThat(refusal(as("admin"), input)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // another diner with the same key
        Map<String, Object> another = walkIn(district.siteA(), "LUNCH", diners.get(1), shanghai(yesterday(), 12, 0));
        another.put("idempotencyKey", key);
        assertThat(refusal(staff, another)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // an offline record of the site with the key as its id
        assertThat(uploadOutcome(staff, district.siteA(), offline(key, "LUNCH", diners.get(1), shanghai(yesterday(), 12, 5))))
                .isEqualTo("REJECTED IDEMPOTENCY_KEY_REUSED");
        // and the other way round: an offline record's id is a key logMeal may not take at that site
        String uploaded = "u-" + System.nanoTime();
        assertThat(uploadOutcome(staff, district.siteA(), offline(uploaded, "DINNER", diners.get(2), shanghai(yesterday(), 18, 0)))).isEqualTo("ACCEPTED");
        Map<String, Object> onUploadedId = walkIn(district.siteA(), "LUNCH", diners.get(2), shanghai(yesterday(), 12, 0));
        onUploadedId.put("idempotencyKey", uploaded);
        assertThat(refusal(staff, onUploadedId)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id IN (?, ?, ?)", Integer.class,
                Long.valueOf(diners.get(0)), Long.valueOf(diners.get(1)), Long.valueOf(diners.get(2)))).isEqualTo(2);

        // the key is its record's at its site: at another site it makes that site's record
        Map<String, Object> elsewhere = walkIn(district.siteB(), "LUNCH", diners.get(1), shanghai(yesterday(), 12, 0));
        elsewhere.put("idempotencyKey", key);
        assertThat(loggedRecord(staff, elsewhere)).isNotEqualTo(record);
        assertThat(loggedRecord(staff, elsewhere)).as("and a repeat there answers that record").isEqualTo(loggedRecord(staff, elsewhere));
    }

    /** A key logMeal kept in idempotency_key before V42 is carried onto its record: a repeat of it still answers that record. */
    @Test
    void shouldAnswerTheFirstRecordForAKeyLoggedBeforeTheKeysMovedOntoTheRecords() throws Exception {
        HttpGraphQlTester staff = as(district.world().staff);
        Map<String, Object> input = walkIn(district.siteA(), "LUNCH", district.world().diners(1).get(0), shanghai(yesterday(), 12, 0));
        String key = (String) input.get("idempotencyKey");
        long record = Long.parseLong(loggedRecord(staff, input));
        // the record and its key as logMeal left them before V42
        String hash = jdbc.queryForObject("SELECT client_hash FROM meal_record WHERE id = ?", String.class, record);
        jdbc.update("UPDATE meal_record SET client_record_id = NULL, client_hash = NULL WHERE id = ?", record);
        jdbc.update("INSERT INTO idempotency_key (username, idem_key, operation, request_hash, created_at, expires_at, result_id)"
                + " VALUES (?, ?, 'logMeal', ?, NOW(6), NOW(6) + INTERVAL 1 DAY, ?)", district.world().staff, key, hash, record);
        String migration = new String(new ClassPathResource("db/migration/V42__logmeal_key_on_record.sql").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        jdbc.update(migration.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n")).replaceAll(";\\s*$", ""));
        assertThat(loggedRecord(staff, input)).isEqualTo(String.valueOf(record));
        assertThat(jdbc.queryForObject("SELECT client_record_id FROM meal_record WHERE id = ?", String.class, record)).isEqualTo(key);
    }

    private static String loggedRecord(HttpGraphQlTester staff, Map<String, Object> input) {
        GraphQlTester.Response response = staff.documentName("logMeal").variable("input", input).execute();
        response.path("logMeal.userErrors").entityList(Object.class).hasSize(0);
        return response.path("logMeal.record.id").entity(String.class).get();
    }

    private static String refusal(HttpGraphQlTester staff, Map<String, Object> input) {
        GraphQlTester.Response response = staff.documentName("logMeal").variable("input", input).execute();
        response.path("logMeal.record").valueIsNull();
        return response.path("logMeal.userErrors[0].code").entity(String.class).get();
    }

    private static String uploadOutcome(HttpGraphQlTester staff, String site, Map<String, Object> record) {
        GraphQlTester.Response response = staff.documentName("uploadMealRecords").variable("input", Map.of("siteId", site, "records", List.of(record)))
                .execute();
        String outcome = response.path("uploadMealRecords.results[0].outcome").entity(String.class).get();
        return "REJECTED".equals(outcome) ? outcome + " " + response.path("uploadMealRecords.results[0].userErrors[0].code").entity(String.class).get()
                : outcome;
    }
}
