package org.zhucan.evaluation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingService;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.evaluation.QualityWorld.today;
import static org.zhucan.evaluation.QualityWorld.todayAt;

/**
 * Operator evaluations and the district dashboard over one day of two operators' service, every
 * figure recorded through the API: P serves two walk-ins at canteen A, logs its sample, passes its
 * inspection, gets a 5, and misses one booking; Q serves one walk-in, logs no sample, needs
 * rectification, and gets a 2.
 */
class EvaluationApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingService bookingService;

    /** The day described above, with the clock left at 14:00 (lunch over). */
    private QualityWorld aDayOfService() {
        QualityWorld world = new QualityWorld(this::as, jdbc);
        DistrictWorld district = world.district;
        String missedBooking = district.diner(List.of());
        String p1 = district.diner(List.of());
        String p2 = district.diner(List.of());
        String q1 = district.diner(List.of());
        String familyP = world.familyOf(p1);
        String familyQ = world.familyOf(q1);

        clock.stopAt(todayAt(8, 0).toInstant());
        world.book(district.operatorStaff, district.siteA, missedBooking);
        clock.stopAt(todayAt(11, 45).toInstant());
        String servedP1 = district.serve(district.siteA, p1, DistrictWorld.shanghai(today(), 11, 30));
        district.serve(district.siteA, p2, DistrictWorld.shanghai(today(), 11, 35));
        String servedQ1 = district.serve(world.q.staff(), world.q.siteId(), q1, DistrictWorld.shanghai(today(), 11, 30));
        world.rate(familyP, servedP1, 5);
        world.rate(familyQ, servedQ1, 2);
        world.inspect(district.siteA, "PASSED");
        world.inspect(world.q.siteId(), "NEEDS_RECTIFICATION");
        world.logSample(district.operatorStaff, district.siteA);
        clock.stopAt(todayAt(14, 0).toInstant());
        SystemActor.runAs("test", bookingService::markNoShows);
        return world;
    }

    @Test
    void shouldLeaveRatingsEnteredAtTheOperatorsOwnCounterOutOfItsSatisfaction() {
        QualityWorld world = aDayOfService();
        String q2 = world.district.diner(List.of());
        clock.stopAt(todayAt(11, 50).toInstant());
        String servedQ2 = world.district.serve(world.q.staff(), world.q.siteId(), q2, DistrictWorld.shanghai(today(), 11, 40));
        // Q's own counter staff rate the meal they served, on the diner's behalf: a 5 that Q's evaluation must not count
        world.rate(world.q.staff(), servedQ2, 5);
        clock.stopAt(todayAt(14, 0).toInstant());
        String month = YearMonth.from(today()).toString();
        world.setWeights(month, 20, 20, 20, 20, 20);

        ranking(world.inspector, world.district.districtId, month)
                .path("operatorEvaluations.evaluations[1].operator.id").entity(String.class).isEqualTo(world.q.operatorId())
                .path("operatorEvaluations.evaluations[1].metrics[1].score").entity(Double.class).isEqualTo(25.0)
                .path("operatorEvaluations.evaluations[1].metrics[1].sampleSize").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void shouldRankOperatorsByTheWeightedMeasuresOfTheMonth() {
        QualityWorld world = aDayOfService();
        String month = YearMonth.from(today()).toString();
        world.setWeights(month, 20, 20, 20, 20, 20);

        var response = ranking(world.inspector, world.district.districtId, month);
        response.path("operatorEvaluations.operatorCount").entity(Integer.class).isEqualTo(2)
                .path("operatorEvaluations.to").entity(String.class).isEqualTo(today().toString())
                .path("operatorEvaluations.weights.effectiveMonth").entity(String.class).isEqualTo(month)
                // P: operating 100, satisfaction 100 (a 5), inspection 100, flags 100 (logged), attendance 0 (its one booking missed)
                .path("operatorEvaluations.evaluations[0].operator.id").entity(String.class).isEqualTo(world.district.operatorId)
                .path("operatorEvaluations.evaluations[0].rank").entity(Integer.class).isEqualTo(1)
                .path("operatorEvaluations.evaluations[0].score").entity(Double.class).isEqualTo(80.0)
                .path("operatorEvaluations.evaluations[0].sites").entity(Integer.class).isEqualTo(2)
                .path("operatorEvaluations.evaluations[0].mealsServed").entity(Integer.class).isEqualTo(2)
                .path("operatorEvaluations.evaluations[0].missingMetrics").entityList(String.class).hasSize(0)
                .path("operatorEvaluations.evaluations[0].metrics[*].score").entityList(Double.class).containsExactly(100.0, 100.0, 100.0, 100.0, 0.0)
                .path("operatorEvaluations.evaluations[0].metrics[4].sampleSize").entity(Integer.class).isEqualTo(1)
                // Q: operating 100, satisfaction 25 (a 2), inspection 50, flags 0 (no sample log), attendance unmeasured
                .path("operatorEvaluations.evaluations[1].operator.id").entity(String.class).isEqualTo(world.q.operatorId())
                .path("operatorEvaluations.evaluations[1].rank").entity(Integer.class).isEqualTo(2)
                .path("operatorEvaluations.evaluations[1].score").entity(Double.class).isEqualTo(43.75)
                .path("operatorEvaluations.evaluations[1].missingMetrics").entityList(String.class).containsExactly("NO_SHOW")
                .path("operatorEvaluations.evaluations[1].metrics[1].score").entity(Double.class).isEqualTo(25.0)
                .path("operatorEvaluations.evaluations[1].metrics[2].score").entity(Double.class).isEqualTo(50.0)
                .path("operatorEvaluations.evaluations[1].metrics[3].score").entity(Double.class).isEqualTo(0.0)
                .path("operatorEvaluations.evaluations[1].metrics[3].basis").entity(String.class).isEqualTo("无异常餐次 0 / 1（有标记 0，未留样 1）")
                .path("operatorEvaluations.evaluations[1].metrics[4].score").valueIsNull();

        // other weights turn the ranking: satisfaction and flags only
        world.setWeights(month, 0, 50, 0, 50, 0);
        ranking(world.inspector, world.district.districtId, month)
                .path("operatorEvaluations.evaluations[0].score").entity(Double.class).isEqualTo(100.0)
                .path("operatorEvaluations.evaluations[1].score").entity(Double.class).isEqualTo(12.5);
        // weights from next month on leave this month's alone
        world.setWeights(YearMonth.from(today()).plusMonths(1).toString(), 100, 0, 0, 0, 0);
        ranking(world.inspector, world.district.districtId, month)
                .path("operatorEvaluations.weights.satisfaction").entity(Integer.class).isEqualTo(50)
                .path("operatorEvaluations.evaluations[1].score").entity(Double.class).isEqualTo(12.5);
    }

    @Test
    void shouldJudgeFlagsAndSampleLogsOnlyOfSlotsThatAreOver() {
        QualityWorld world = aDayOfService();
        String month = YearMonth.from(today()).toString();
        world.setWeights(month, 20, 20, 20, 20, 20);
        // back to 12:00: lunch is still being served, so no slot can be owed a sample log yet
        clock.stopAt(todayAt(12, 0).toInstant());
        ranking(world.inspector, world.district.districtId, month)
                .path("operatorEvaluations.evaluations[*].metrics[3].sampleSize").entityList(Integer.class).containsExactly(0, 0)
                .path("operatorEvaluations.evaluations[1].operator.id").entity(String.class).isEqualTo(world.q.operatorId())
                .path("operatorEvaluations.evaluations[1].missingMetrics").entityList(String.class).containsExactly("FLAGS", "NO_SHOW")
                .path("operatorEvaluations.evaluations[1].mealsServed").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void shouldShowAnOperatorOnlyItsOwnRowAndRefuseOutsiders() {
        QualityWorld world = aDayOfService();
        String month = YearMonth.from(today()).toString();
        world.setWeights(month, 20, 20, 20, 20, 20);

        ranking(world.q.staff(), world.district.districtId, month)
                .path("operatorEvaluations.operatorCount").entity(Integer.class).isEqualTo(2)
                .path("operatorEvaluations.evaluations").entityList(Object.class).hasSize(1)
                .path("operatorEvaluations.evaluations[0].operator.id").entity(String.class).isEqualTo(world.q.operatorId())
                .path("operatorEvaluations.evaluations[0].rank").entity(Integer.class).isEqualTo(2);
        ranking(world.district.financeA, world.district.districtId, month)
                .path("operatorEvaluations.evaluations").entityList(Object.class).hasSize(2);

        DistrictWorld elsewhere = new DistrictWorld(this::as, jdbc);
        String otherInspector = elsewhere.account("INSPECTOR", null, elsewhere.districtId);
        for (String outsider : List.of(elsewhere.financeA, otherInspector, "family")) {
            ranking(outsider, world.district.districtId, month)
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        }
        as(otherInspector).documentName("evaluationDistrictDashboard").variable("district", world.district.districtId).variable("days", 3).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        // the dashboard's money and coverage are the district's, not an operator's
        as(world.q.staff()).documentName("evaluationDistrictDashboard").variable("district", world.district.districtId).variable("days", 3).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }

    @Test
    void shouldRefuseAMonthWithoutWeightsAndWeightsThatDoNotAddUp() {
        DistrictWorld district = new DistrictWorld(this::as, jdbc);
        String month = YearMonth.from(today()).toString();
        ranking("admin", district.districtId, month)
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getMessage()).contains("setEvaluationWeights");
                    assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
                }));
        ranking("admin", district.districtId, YearMonth.from(today()).plusMonths(1).toString()).errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
        as("admin").documentName("evaluationSetWeights").variable("input", Map.of("districtId", district.districtId, "effectiveMonth", month, "operatingRate", 30,
                        "satisfaction", 30, "inspection", 30, "flags", 30, "noShow", 30)).execute()
                .path("setEvaluationWeights.weights").valueIsNull()
                .path("setEvaluationWeights.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        as("admin").documentName("evaluationSetWeights").variable("input", Map.of("districtId", district.villageId, "effectiveMonth", month, "operatingRate", 20,
                        "satisfaction", 20, "inspection", 20, "flags", 20, "noShow", 20)).execute()
                .path("setEvaluationWeights.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REGION_LEVEL");
        as(district.financeA).documentName("evaluationSetWeights").variable("input", Map.of("districtId", district.districtId, "effectiveMonth", month,
                        "operatingRate", 20, "satisfaction", 20, "inspection", 20, "flags", 20, "noShow", 20)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        // weights set are audited
        as("admin").documentName("evaluationSetWeights").variable("input", Map.of("districtId", district.districtId, "effectiveMonth", month, "operatingRate", 20,
                        "satisfaction", 20, "inspection", 20, "flags", 20, "noShow", 20)).execute()
                .path("setEvaluationWeights.userErrors").entityList(Object.class).hasSize(0)
                .path("setEvaluationWeights.weights.effectiveMonth").entity(String.class).isEqualTo(month);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATION_WEIGHTS_SET' AND entity_id = ?", Integer.class,
                district.districtId + "/" + month)).isEqualTo(1);
    }

    @Test
    void shouldDrawTheDistrictsDaysAgainstItsBudget() {
        QualityWorld world = aDayOfService();
        for (Map.Entry<String, String> budget : Map.of("CITY", "1000.00", "DISTRICT", "2000.00").entrySet()) {
            as(world.district.financeA).documentName("settlementSetFundingBudget")
                    .variable("input", Map.of("districtId", world.district.districtId, "year", today().getYear(), "source", budget.getKey(),
                            "amount", budget.getValue())).execute()
                    .path("setFundingBudget.userErrors").entityList(Object.class).hasSize(0);
        }
        as(world.inspector).documentName("evaluationDistrictDashboard").variable("district", world.district.districtId).variable("days", 3).execute()
                .path("districtDashboard.from").entity(String.class).isEqualTo(today().minusDays(2).toString())
                .path("districtDashboard.days").entityList(Object.class).hasSize(3)
                .path("districtDashboard.days[0].mealsServed").entity(Integer.class).isEqualTo(0)
                // the canteens opened today: nothing covered before
                .path("districtDashboard.days[1].coverage").entity(Double.class).isEqualTo(0.0)
                .path("districtDashboard.days[2].date").entity(String.class).isEqualTo(today().toString())
                .path("districtDashboard.days[2].mealsServed").entity(Integer.class).isEqualTo(3)
                .path("districtDashboard.days[2].dinersServed").entity(Integer.class).isEqualTo(3)
                // three walk-ins at 5.00 each (CITY 2.00 + DISTRICT 3.00)
                .path("districtDashboard.days[2].subsidySpent").entity(String.class).isEqualTo("15.00")
                .path("districtDashboard.days[2].subsidySpentYearToDate").entity(String.class).isEqualTo("15.00")
                .path("districtDashboard.days[2].budget").entity(String.class).isEqualTo("3000.00")
                .path("districtDashboard.days[2].budgetUsed").entity(Double.class).isEqualTo(0.005)
                .path("districtDashboard.days[2].communities").entity(Integer.class).isEqualTo(1)
                .path("districtDashboard.days[2].coveredCommunities").entity(Integer.class).isEqualTo(1)
                .path("districtDashboard.days[2].coverage").entity(Double.class).isEqualTo(1.0)
                .path("districtDashboard.days[2].ratingCount").entity(Integer.class).isEqualTo(2)
                .path("districtDashboard.days[2].averageScore").entity(Double.class).isEqualTo(3.5)
                .path("districtDashboard.days[2].flaggedMeals").entity(Integer.class).isEqualTo(0)
                .path("districtDashboard.days[2].missingSampleLogs").entity(Integer.class).isEqualTo(1)
                .path("districtDashboard.days[2].openFlags").entity(Integer.class).isEqualTo(1);

        as("admin").documentName("evaluationDistrictDashboard").variable("district", world.district.districtId).variable("days", 93).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
        as("admin").documentName("evaluationDistrictDashboard").variable("district", world.district.villageId).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }

    @Test
    void shouldRankAnyNumberOfOperatorsInTheSameNumberOfStatements() {
        QualityWorld world = aDayOfService();
        String month = YearMonth.from(today()).toString();
        world.setWeights(month, 20, 20, 20, 20, 20);
        Runnable ranking = () -> ranking("admin", world.district.districtId, month)
                .path("operatorEvaluations.evaluations[*].operator.name").entityList(String.class).hasSizeGreaterThan(1);
        ranking.run();
        long twoOperators = statementsDuring(ranking);
        // new accounts log in on real time; then back to the same afternoon, so that the same slots are over
        clock.resume();
        world.district.venue("考核测试第三家");
        world.district.venue("考核测试第四家");
        clock.stopAt(todayAt(14, 0).toInstant());
        ranking.run();
        assertThat(statementsDuring(ranking)).isEqualTo(twoOperators);
        ranking("admin", world.district.districtId, month)
                .path("operatorEvaluations.operatorCount").entity(Integer.class).isEqualTo(4);
    }

    private GraphQlTester.Response ranking(String account, String districtId, String month) {
        return as(account).documentName("evaluationOperatorEvaluations").variable("district", districtId).variable("month", month).execute();
    }
}
