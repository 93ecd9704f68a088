package org.zhucan.settlement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * A quality-weighted operating subsidy (绩效考核挂钩运营补贴, issue 24.4): the district's policy from this
 * month on pays 3.00 per diner-day scaled by the band of the operator's frozen evaluation score of the
 * month (0–59.99: 0 %, 60–79.99: 60 %, 80–84.99: 90 %, 85–89.99: 92.50 %, 90 and up: 100 %).
 *
 * <p>The month is closed through the API, so each statement reads a real freeze. To reach each band's
 * edge exactly, the frozen row's score is then set in the table, as a freeze that had found that score
 * would have written it; a settlement that read live scores instead would not see those values.
 */
class QualityWeightedSettlementApiTests extends ApiTest {

    private static final List<Map<String, Object>> BANDS = List.of(band(0, 0), band(60, 6000), band(80, 9000), band(85, 9250),
            band(90, 10000));

    @Autowired
    JdbcTemplate jdbc;

    DistrictWorld world;
    YearMonth month;
    LocalDate periodStart;
    LocalDate periodEnd;

    @BeforeEach
    void bandedPolicy() {
        logInDemoAccounts();
        world = new DistrictWorld(this::as, jdbc);
        month = YearMonth.from(today());
        periodStart = today().withDayOfMonth(1);
        periodEnd = today().with(TemporalAdjusters.lastDayOfMonth());
        publishBandedPolicy(periodStart);
    }

    @Test
    void shouldRefuseUntilTheMonthIsClosedThenPayEachBandOfTheFrozenScoreRoundedHalfAwayFromZero() {
        // tokens are checked against real time: the export's is taken before the clock moves
        String financeToken = login(world.financeA, DEMO_PASSWORD);
        stopAt(today(), LocalTime.of(12, 30));
        for (int i = 0; i < 3; i++) {
            world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        }

        // the month is not closed: refused with the month named, and nothing is kept
        GraphQlTester.Response refused = generate(world.financeA, world.operatorId);
        refused.path("generateSettlement.statement").valueIsNull()
                .path("generateSettlement.userErrors[0].code").entity(String.class).isEqualTo("EVALUATION_NOT_CLOSED")
                .path("generateSettlement.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains(month.toString()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_statement WHERE operator_id = ?", Integer.class,
                Long.valueOf(world.operatorId))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_record sr JOIN meal_record m ON m.id = sr.meal_record_id "
                + "WHERE m.operator_id = ?", Integer.class, Long.valueOf(world.operatorId))).isZero();

        closeMonth();
        // the real frozen score first: the line shows it, and a failed inspection of the month recorded late changes nothing
        BigDecimal frozen = frozenScore(world.operatorId);
        Map<String, Object> line = operatingLine(generated(world.financeA, world.operatorId), world.siteA);
        assertQuality(line, frozen, expectedBand(frozen), expectedBasisPoints(frozen));
        assertThat(line.get("amount")).isEqualTo(yuan(scaled(900, expectedBasisPoints(frozen))));
        jdbc.update("INSERT INTO inspection (site_id, operator_id, inspected_on, result, summary, follow_up_due, inspector, recorded_at) "
                        + "VALUES (?, ?, ?, 'FAILED', '补录：上月不合格', ?, 'late', UTC_TIMESTAMP(6))", Long.valueOf(world.siteA),
                Long.valueOf(world.operatorId), java.sql.Date.valueOf(today()), java.sql.Date.valueOf(periodEnd.plusDays(14)));
        assertThat(operatingLine(generated(world.financeA, world.operatorId), world.siteA)).isEqualTo(line);

        // each band, and each edge: 3 diner-days of 3.00 = 9.00 before weighting
        Object[][] cases = {
            {"100.00", 90, 10000, "9.00"}, {"90.00", 90, 10000, "9.00"}, {"89.99", 85, 9250, "8.33"}, {"85.00", 85, 9250, "8.33"},
            {"84.99", 80, 9000, "8.10"}, {"80.00", 80, 9000, "8.10"}, {"79.99", 60, 6000, "5.40"}, {"60.00", 60, 6000, "5.40"},
            {"59.99", 0, 0, "0.00"}, {"0.00", 0, 0, "0.00"},
        };
        for (Object[] c : cases) {
            setFrozenScore(world.operatorId, new BigDecimal((String) c[0]));
            Map<String, Object> statement = generated(world.financeA, world.operatorId);
            Map<String, Object> weighted = operatingLine(statement, world.siteA);
            assertQuality(weighted, new BigDecimal((String) c[0]), (Integer) c[1], (Integer) c[2]);
            assertThat(weighted).as("score " + c[0]).containsEntry("quantity", 3).containsEntry("amount", c[3]);
            assertThat(statement.get("operatingSubsidy")).as("score " + c[0]).isEqualTo(c[3]);
        }

        // the export shows the weighting beside the lines
        setFrozenScore(world.operatorId, new BigDecimal("86.50"));
        String id = (String) generated(world.financeA, world.operatorId).get("id");
        String csv = new String(http().get().uri("/exports/settlements/" + id + ".csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + financeToken)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n" + String.join(",", SettlementSheet.QUALITY_HEADERS) + "\r\n")
                .contains("," + month + ",86.50,85,92.50%,3,8.33\r\n")
                .contains("运营补贴合计,8.33\r\n");
    }

    @Test
    void shouldTakeBackAVoidCarriedIntoTheNextMonthAtTheFrozenScoreOfTheMonthItWasServedIn() {
        stopAt(today(), LocalTime.of(12, 30));
        String voided = world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 31));
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 32));
        closeMonth();
        setFrozenScore(world.operatorId, new BigDecimal("86.00"));
        Map<String, Object> settled = operatingLine(generated(world.financeA, world.operatorId), world.siteA);
        assertThat(settled).containsEntry("quantity", 3).containsEntry("amount", "8.33");

        world.voidRecord(voided);
        // next month is neither closed nor has records of its own: only the served month's score is needed
        LocalDate nextStart = periodEnd.plusDays(1);
        Map<String, Object> next = as(world.financeA).documentName("qualityWeightedSettlement").operationName("qualityGenerate")
                .variable("input", Map.of("operatorId", world.operatorId, "districtId", world.districtId, "periodStart", nextStart.toString(),
                        "periodEnd", nextStart.with(TemporalAdjusters.lastDayOfMonth()).toString()))
                .execute()
                .path("generateSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("generateSettlement.statement").entity(SettlementStatements.mapType()).get();
        Map<String, Object> takenBack = operatingLine(next, world.siteA);
        assertQuality(takenBack, new BigDecimal("86.00"), 85, 9250);
        // -3.00 at 92.5 % is -2.775: half away from zero, -2.78, the mirror of how 2.775 rounds
        assertThat(takenBack).containsEntry("quantity", -1).containsEntry("amount", "-2.78");
    }

    @Test
    void shouldPayEachOperatorOfASiteHandedOverMidMonthAtItsOwnFrozenScore() {
        DistrictWorld.Venue successor = world.venue("接手公司");
        String before = world.diner(List.of());
        String after1 = world.diner(List.of());
        String after2 = world.diner(List.of());
        stopAt(today(), LocalTime.of(11, 5));
        world.serve(world.siteA, before, shanghai(today(), 11, 0));
        stopAt(today(), LocalTime.of(11, 30));
        as("admin").documentName("qualityWeightedSettlement").operationName("qualityHandOver")
                .variable("input", Map.of("siteId", world.siteA, "operatorId", successor.operatorId())).execute()
                .path("updateSite.userErrors").entityList(Object.class).hasSize(0)
                .path("updateSite.site.operator.id").entity(String.class).isEqualTo(successor.operatorId());
        stopAt(today(), LocalTime.of(12, 5));
        world.serve(successor.staff(), world.siteA, after1, shanghai(today(), 12, 0));
        world.serve(successor.staff(), world.siteA, after2, shanghai(today(), 12, 1));

        closeMonth();
        setFrozenScore(world.operatorId, new BigDecimal("95.00"));
        setFrozenScore(successor.operatorId(), new BigDecimal("70.00"));

        Map<String, Object> first = generated(world.financeA, world.operatorId);
        Map<String, Object> firstLine = operatingLine(first, world.siteA);
        assertQuality(firstLine, new BigDecimal("95.00"), 90, 10000);
        assertThat(firstLine).containsEntry("quantity", 1).containsEntry("amount", "3.00");
        Map<String, Object> second = generated(world.financeA, successor.operatorId());
        Map<String, Object> secondLine = operatingLine(second, world.siteA);
        assertQuality(secondLine, new BigDecimal("70.00"), 60, 6000);
        assertThat(secondLine).containsEntry("quantity", 2).containsEntry("amount", "3.60");
        assertThat(second.get("operatingSubsidy")).isEqualTo("3.60");

        // approved, the weighting is under the content hash: a line whose share is changed afterwards no longer verifies
        String id = (String) second.get("id");
        int version = (Integer) as(successor.staff()).documentName("qualityWeightedSettlement").operationName("qualitySubmit")
                .variable("input", Map.of("statementId", id, "version", second.get("version"))).execute()
                .path("submitSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("submitSettlement.statement.version").entity(Integer.class).get();
        as(world.financeB).documentName("qualityWeightedSettlement").operationName("qualityApprove")
                .variable("input", Map.of("statementId", id, "version", version)).execute()
                .path("approveSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("approveSettlement.statement.contentVerified").entity(Boolean.class).isEqualTo(true);
        jdbc.update("UPDATE settlement_line SET percent_bp = 9000 WHERE statement_id = ? AND kind = 'OPERATING_SUBSIDY'", Long.valueOf(id));
        as(world.financeB).documentName("qualityWeightedSettlement").operationName("qualityStatement").variable("id", id).execute()
                .path("settlementStatement.contentVerified").entity(Boolean.class).isEqualTo(false);
    }

    // ------------------------------------------------------------ steps

    private void publishBandedPolicy(LocalDate from) {
        Map<String, Object> input = new HashMap<>(Map.of("districtId", world.districtId, "name", "绩效挂钩政策", "effectiveFrom", from.toString(),
                "dinerFloor", "1.00", "mealsPerDay", 1, "mealsPerSlot", 1, "standardPrice", "10.00",
                "operatingSubsidy", Map.of("perDinerPerDay", "3.00", "source", "DISTRICT", "scoreBands", BANDS)));
        input.put("tiers", List.of(
                Map.of("slots", List.of("LUNCH"), "categories", List.of("MIN_LIVING"), "minAge", 60, "subsidy", "8.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "3.00"), Map.of("source", "DISTRICT", "remainder", true))),
                Map.of("slots", List.of("LUNCH"), "minAge", 60, "subsidy", "5.00",
                        "shares", List.of(Map.of("source", "CITY", "amount", "2.00"), Map.of("source", "DISTRICT", "remainder", true)))));
        String policy = as("admin").documentName("qualityWeightedSettlement").operationName("qualityCreatePolicy").variable("input", input)
                .execute()
                .path("createSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0)
                .path("createSubsidyPolicy.policy.operatingSubsidy.scoreBands").entityList(Object.class).hasSize(BANDS.size())
                .path("createSubsidyPolicy.policy.id").entity(String.class).get();
        as("admin").documentName("qualityWeightedSettlement").operationName("qualityPublishPolicy")
                .variable("input", Map.of("policyId", policy)).execute()
                .path("publishSubsidyPolicy.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Weights for the month, the clock on the next month's first morning, and the month closed by finance. */
    private void closeMonth() {
        as("admin").documentName("qualityWeightedSettlement").operationName("qualitySetWeights")
                .variable("input", Map.of("districtId", world.districtId, "effectiveMonth", month.toString(), "operatingRate", 20,
                        "satisfaction", 20, "inspection", 20, "flags", 20, "noShow", 20)).execute()
                .path("setEvaluationWeights.userErrors").entityList(Object.class).hasSize(0);
        stopAt(month.plusMonths(1).atDay(1), LocalTime.of(10, 0));
        as(world.financeA).documentName("qualityWeightedSettlement").operationName("qualityCloseMonth")
                .variable("input", Map.of("districtId", world.districtId, "month", month.toString())).execute()
                .path("closeEvaluationMonth.userErrors").entityList(Object.class).hasSize(0);
    }

    private BigDecimal frozenScore(String operator) {
        return jdbc.queryForObject("SELECT score FROM frozen_evaluation WHERE district_id = ? AND month = ? AND operator_id = ?",
                BigDecimal.class, Long.valueOf(world.districtId), java.sql.Date.valueOf(periodStart), Long.valueOf(operator));
    }

    private void setFrozenScore(String operator, BigDecimal score) {
        assertThat(jdbc.update("UPDATE frozen_evaluation SET score = ? WHERE district_id = ? AND month = ? AND operator_id = ?", score,
                Long.valueOf(world.districtId), java.sql.Date.valueOf(periodStart), Long.valueOf(operator))).isEqualTo(1);
    }

    private GraphQlTester.Response generate(String user, String operator) {
        return as(user).documentName("qualityWeightedSettlement").operationName("qualityGenerate")
                .variable("input", Map.of("operatorId", operator, "districtId", world.districtId, "periodStart", periodStart.toString(),
                        "periodEnd", periodEnd.toString()))
                .execute();
    }

    private Map<String, Object> generated(String user, String operator) {
        return generate(user, operator).path("generateSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("generateSettlement.statement").entity(SettlementStatements.mapType()).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operatingLine(Map<String, Object> statement, String site) {
        List<Map<String, Object>> lines = ((List<Map<String, Object>>) statement.get("lines")).stream()
                .filter(line -> "OPERATING_SUBSIDY".equals(line.get("kind")) && site.equals(((Map<String, Object>) line.get("site")).get("id")))
                .toList();
        assertThat(lines).as("the operating-subsidy lines of the site").hasSize(1);
        return lines.get(0);
    }

    @SuppressWarnings("unchecked")
    private void assertQuality(Map<String, Object> line, BigDecimal score, int bandMin, int basisPoints) {
        Map<String, Object> quality = (Map<String, Object>) line.get("quality");
        assertThat(quality).as("the weighting of " + line).isNotNull();
        assertThat(quality).containsEntry("month", month.toString()).containsEntry("bandMinScore", bandMin)
                .containsEntry("percentBasisPoints", basisPoints);
        assertThat(new BigDecimal(String.valueOf(quality.get("score")))).isEqualByComparingTo(score);
    }

    private static int expectedBand(BigDecimal score) {
        int found = 0;
        for (Map<String, Object> band : BANDS) {
            if (score.compareTo(BigDecimal.valueOf((Integer) band.get("minScore"))) >= 0) {
                found = (Integer) band.get("minScore");
            }
        }
        return found;
    }

    private static int expectedBasisPoints(BigDecimal score) {
        int band = expectedBand(score);
        return BANDS.stream().filter(b -> b.get("minScore").equals(band)).map(b -> (Integer) b.get("percentBasisPoints")).findFirst().orElseThrow();
    }

    /** fen × basis points / 10000, half away from zero, as the statement rounds a line. */
    private static long scaled(long fen, int basisPoints) {
        return BigDecimal.valueOf(fen * basisPoints).divide(BigDecimal.valueOf(10_000), 0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static Map<String, Object> band(int minScore, int basisPoints) {
        return Map.of("minScore", minScore, "percentBasisPoints", basisPoints);
    }

    private void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }
}
