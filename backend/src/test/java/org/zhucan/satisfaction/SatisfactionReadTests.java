package org.zhucan.satisfaction;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;

/**
 * siteRatings over HTTP and the tallies the operator evaluation reads: averages per site and per
 * operator against figures worked out by hand, score and tag counts, paging, who may read them,
 * and no statement per rating.
 */
class SatisfactionReadTests extends SatisfactionDayTest {

    @Autowired
    SatisfactionService satisfactionService;

    String month;

    @BeforeEach
    void month() {
        month = YearMonth.from(day).toString();
    }

    /**
     * Site A: 5, 4, 4, 2 (one of the 4s first given as 1 and replaced) = 15 / 4 = 3.75. Site B: 5,
     * 5 = 5.00 (a third meal, rated 4, was voided and its rating withdrawn). Operator O, both sites:
     * 25 / 6 = 4.166… → 4.17. Site C, of operator P: 1. Tags at A: TASTY 3, TOO_SALTY 2, COLD 1.
     */
    @Test
    void shouldAverageEachSiteAndItsOperatorOverTheMonthWithScoreAndTagCounts() {
        seedTheMonth();

        GraphQlTester.Response a = siteRatings("admin", world.siteA, month, 20, null);
        a.path("siteRatings.site.id").entity(String.class).isEqualTo(world.siteA)
                .path("siteRatings.month").entity(String.class).isEqualTo(month)
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(4)
                .path("siteRatings.averageScore").entity(Double.class).isEqualTo(3.75)
                .path("siteRatings.scoreCounts[*].score").entityList(Integer.class).containsExactly(1, 2, 3, 4, 5)
                .path("siteRatings.scoreCounts[*].count").entityList(Integer.class).containsExactly(0, 1, 0, 2, 1)
                .path("siteRatings.tagCounts[*].tag").entityList(String.class).containsExactly("TASTY", "TOO_SALTY", "COLD")
                .path("siteRatings.tagCounts[*].count").entityList(Integer.class).containsExactly(3, 2, 1)
                .path("siteRatings.operator.operator.id").entity(String.class).isEqualTo(world.operatorO)
                .path("siteRatings.operator.ratingCount").entity(Integer.class).isEqualTo(6)
                .path("siteRatings.operator.averageScore").entity(Double.class).isEqualTo(4.17)
                .path("siteRatings.ratings.totalCount").entity(Integer.class).isEqualTo(4);

        siteRatings("admin", world.siteB, month, 20, null)
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(2)
                .path("siteRatings.averageScore").entity(Double.class).isEqualTo(5.0)
                .path("siteRatings.scoreCounts[*].count").entityList(Integer.class).containsExactly(0, 0, 0, 0, 2)
                .path("siteRatings.tagCounts").entityList(Object.class).hasSize(0)
                .path("siteRatings.operator.ratingCount").entity(Integer.class).isEqualTo(6)
                .path("siteRatings.operator.averageScore").entity(Double.class).isEqualTo(4.17);

        siteRatings("admin", world.siteC, month, 20, null)
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(1)
                .path("siteRatings.averageScore").entity(Double.class).isEqualTo(1.0)
                .path("siteRatings.tagCounts[*].tag").entityList(String.class).containsExactly("UNFRIENDLY_SERVICE")
                .path("siteRatings.operator.operator.id").entity(String.class).isEqualTo(world.operatorP)
                .path("siteRatings.operator.ratingCount").entity(Integer.class).isEqualTo(1)
                .path("siteRatings.operator.averageScore").entity(Double.class).isEqualTo(1.0);

        // the month before holds nothing: no average, zeros for every score
        siteRatings("admin", world.siteA, YearMonth.from(day).minusMonths(1).toString(), 20, null)
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(0)
                .path("siteRatings.averageScore").valueIsNull()
                .path("siteRatings.scoreCounts[*].count").entityList(Integer.class).containsExactly(0, 0, 0, 0, 0)
                .path("siteRatings.tagCounts").entityList(Object.class).hasSize(0)
                .path("siteRatings.operator.ratingCount").entity(Integer.class).isEqualTo(0)
                .path("siteRatings.operator.averageScore").valueIsNull()
                .path("siteRatings.ratings.totalCount").entity(Integer.class).isEqualTo(0)
                .path("siteRatings.ratings.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldTallyPerOperatorAndPerDayForTheEvaluation() {
        seedTheMonth();
        List<Long> sites = List.of(Long.valueOf(world.siteA), Long.valueOf(world.siteB), Long.valueOf(world.siteC));
        Map<Long, RatingTally> byOperator = satisfactionService.tallyByOperator(sites, day, day);
        assertThat(byOperator).containsOnly(
                Map.entry(Long.valueOf(world.operatorO), new RatingTally(6, 25)),
                Map.entry(Long.valueOf(world.operatorP), new RatingTally(1, 1)));
        assertThat(byOperator.get(Long.valueOf(world.operatorO)).average()).isEqualTo(25.0 / 6);
        assertThat(satisfactionService.tallyByOperator(List.of(Long.valueOf(world.siteB)), day, day))
                .containsOnly(Map.entry(Long.valueOf(world.operatorO), new RatingTally(2, 10)));
        assertThat(satisfactionService.tallyByDay(sites, day.minusDays(5), day.plusDays(5)))
                .containsOnly(Map.entry(day, new RatingTally(7, 26)));
        assertThat(satisfactionService.tallyByDay(sites, day.plusDays(1), day.plusDays(5))).isEmpty();
        assertThat(new RatingTally(0, 0).average()).isNull();
        // no sites, no query
        assertThat(statementsDuring(() -> {
            assertThat(satisfactionService.tallyByOperator(List.of(), day, day)).isEmpty();
            assertThat(satisfactionService.tallyByDay(List.of(), day, day)).isEmpty();
        })).isZero();
    }

    @Test
    void shouldPageTheRatingsMostRecentlyGivenFirstAndNeverNameTheDiner() {
        List<String> records = new ArrayList<>();
        List<String> diners = List.of(world.familyDiners.get(0), world.familyDiners.get(1), world.familyDiners.get(2),
                world.familyDiner(), world.familyDiner());
        for (int i = 0; i < diners.size(); i++) {
            records.add(world.serve(world.siteA, diners.get(i), shanghai(day, 11, i)));
        }
        List<String> ratings = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            stopAt(day, LocalTime.of(13, i));
            ratings.add((String) world.rated(world.family, records.get(i), 1 + i, List.of("TASTY"), "第" + i + "条").get("id"));
        }

        GraphQlTester.Response first = siteRatings(world.staffO, world.siteA, month, 2, null);
        first.path("siteRatings.ratings.totalCount").entity(Integer.class).isEqualTo(5)
                .path("siteRatings.ratings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("siteRatings.ratings.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false)
                .path("siteRatings.ratings.edges[*].node.id").entityList(String.class).containsExactly(ratings.get(4), ratings.get(3))
                .path("siteRatings.ratings.edges[0].node.score").entity(Integer.class).isEqualTo(5)
                .path("siteRatings.ratings.edges[0].node.comment").entity(String.class).isEqualTo("第4条")
                .path("siteRatings.ratings.edges[0].node.site.id").entity(String.class).isEqualTo(world.siteA)
                .path("siteRatings.ratings.edges[0].node.tags").entityList(String.class).containsExactly("TASTY");
        GraphQlTester.Response second = siteRatings(world.staffO, world.siteA, month, 2, endCursor(first));
        second.path("siteRatings.ratings.edges[*].node.id").entityList(String.class).containsExactly(ratings.get(2), ratings.get(1))
                .path("siteRatings.ratings.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("siteRatings.ratings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        siteRatings(world.staffO, world.siteA, month, 2, endCursor(second))
                .path("siteRatings.ratings.edges[*].node.id").entityList(String.class).containsExactly(ratings.get(0))
                .path("siteRatings.ratings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        // rated again, the oldest rating becomes the most recent
        stopAt(day, LocalTime.of(14, 0));
        world.rated(world.family, records.get(0), 3, List.of(), null);
        siteRatings(world.staffO, world.siteA, month, 2, null)
                .path("siteRatings.ratings.edges[*].node.id").entityList(String.class).containsExactly(ratings.get(0), ratings.get(4))
                .path("siteRatings.ratings.edges[0].node.revision").entity(Integer.class).isEqualTo(2);

        // a cursor that is not one is a bad request
        siteRatings(world.staffO, world.siteA, month, 2, "bm90LWEtY3Vyc29y").errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        // anonymous: a rating has no field that leads to its diner or its meal record (how it was given names no one)
        assertThat(as("admin").documentName("satisfactionRatingType").execute()
                .path("__type.fields[*].name").entityList(String.class).get())
                .containsExactlyInAnyOrder("id", "score", "tags", "comment", "site", "date", "slot", "ratedAt", "revision", "channel", "onBehalf",
                        "callReference");
    }

    @Test
    void shouldLetTheSitesOperatorAndTheDistrictsFinanceAndInspectorsReadAndRefuseEveryoneElse() {
        String record = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 30));
        world.rated(world.family, record, 4, List.of("TASTY"), null);
        for (String account : List.of("admin", world.staffO, world.finance, world.inspector)) {
            siteRatings(account, world.siteA, month, 20, null)
                    .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(1)
                    .path("siteRatings.ratings.edges[0].node.score").entity(Integer.class).isEqualTo(4);
        }
        for (String account : List.of(world.staffP, "operator", world.farFinance, world.farInspector, "finance", "inspector",
                world.family, "family")) {
            expectError(siteRatings(account, world.siteA, month, 20, null), "FORBIDDEN");
        }
        // the other operator reads its own site
        siteRatings(world.staffP, world.siteC, month, 20, null).path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(0);
        expectError(siteRatings("admin", "999999999999", month, 20, null), "NOT_FOUND");
        expectError(siteRatings("admin", world.siteA, YearMonth.from(day).plusMonths(1).toString(), 20, null), "BAD_REQUEST");
        expectError(siteRatings("admin", world.siteA, "2026-13", 20, null), "BAD_REQUEST");
    }

    @Test
    void shouldReadRatingsWithTheirSiteAndTagsWithoutAStatementPerRating() {
        List<String> diners = List.of(world.familyDiners.get(0), world.familyDiners.get(1), world.familyDiners.get(2), world.familyDiner());
        String firstRecord = world.serve(world.siteB, diners.get(0), shanghai(day, 11, 0));
        world.rated(world.family, firstRecord, 4, List.of("TASTY", "COLD"), "一");
        readEverything(1);
        long one = statementsDuring(() -> readEverything(1));
        long oneToRate = statementsDuring(() -> readMealsToRate(1));

        for (int i = 1; i < diners.size(); i++) {
            String record = world.serve(world.siteB, diners.get(i), shanghai(day, 11, i * 5));
            world.rated(world.family, record, 1 + i, List.of("TOO_BLAND", "SMALL_PORTION", "FRIENDLY_SERVICE"), "第" + i + "条");
        }
        readEverything(4);
        assertThat(statementsDuring(() -> readEverything(4))).isEqualTo(one);
        assertThat(statementsDuring(() -> readMealsToRate(4))).isEqualTo(oneToRate);
    }

    private void readEverything(int ratings) {
        siteRatings(world.finance, world.siteB, month, 50, null)
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(ratings)
                .path("siteRatings.ratings.edges").entityList(Object.class).hasSize(ratings)
                .path("siteRatings.ratings.edges[*].node.site.name").entityList(String.class).hasSize(ratings)
                .path("siteRatings.ratings.edges[" + (ratings - 1) + "].node.tags").entityList(String.class).containsExactly("COLD", "TASTY")
                .path("siteRatings.operator.operator.id").entity(String.class).isEqualTo(world.operatorO);
    }

    private void readMealsToRate(int meals) {
        as(world.family).documentName("mealsToRate").execute()
                .path("mealsToRate").entityList(Object.class).hasSize(meals)
                .path("mealsToRate[*].diner.name").entityList(String.class).hasSize(meals)
                .path("mealsToRate[*].site.name").entityList(String.class).hasSize(meals)
                .path("mealsToRate[*].rating.tags").entityList(Object.class).hasSize(meals);
    }

    /** The ratings the figures of the first test are worked out from. */
    private void seedTheMonth() {
        List<String> diners = new ArrayList<>(world.familyDiners);
        while (diners.size() < 9) {
            diners.add(world.familyDiner());
        }
        // site A
        String a1 = world.serve(world.siteA, diners.get(0), shanghai(day, 11, 0));
        String a2 = world.serve(world.siteA, diners.get(1), shanghai(day, 11, 5));
        String a3 = world.serve(world.siteA, diners.get(2), shanghai(day, 11, 10));
        String a4 = world.serve(world.siteA, diners.get(3), shanghai(day, 11, 15));
        world.rated(world.family, a1, 5, List.of("TASTY"), null);
        world.rated(world.family, a2, 1, List.of("COLD"), "凉了");
        world.rated(world.family, a2, 4, List.of("TASTY", "TOO_SALTY"), "还行，偏咸");
        world.rated(world.family, a3, 4, List.of("TOO_SALTY", "COLD", "TASTY"), null);
        world.rated(world.family, a4, 2, List.of(), "一般");
        // site B: one meal rated and then voided; its rating stays
        String b1 = world.serve(world.siteB, diners.get(4), shanghai(day, 11, 20));
        String b2 = world.serve(world.siteB, diners.get(5), shanghai(day, 11, 25));
        String b3 = world.serve(world.siteB, diners.get(6), shanghai(day, 11, 30));
        world.rated(world.family, b1, 5, List.of(), null);
        world.rated(world.family, b2, 5, List.of(), null);
        world.rated(world.family, b3, 4, List.of(), null);
        world.voidRecord(b3);
        // an unrated meal counts for nothing
        world.serve(world.siteB, diners.get(7), shanghai(day, 11, 35));
        // site C, the other operator
        String c1 = world.serve(world.siteC, diners.get(8), shanghai(day, 11, 40));
        world.rated(world.family, c1, 1, List.of("UNFRIENDLY_SERVICE"), "态度差");
    }

    private GraphQlTester.Response siteRatings(String account, String siteId, String month, int first, String after) {
        GraphQlTester.Request<?> request = as(account).documentName("siteRatings").variable("siteId", siteId).variable("month", month)
                .variable("first", first);
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.execute();
    }

    private static String endCursor(GraphQlTester.Response response) {
        return response.path("siteRatings.ratings.pageInfo.endCursor").entity(String.class).get();
    }

    private static void expectError(GraphQlTester.Response response, String type) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo(type)));
    }
}
