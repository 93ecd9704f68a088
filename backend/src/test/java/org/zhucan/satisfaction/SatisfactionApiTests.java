package org.zhucan.satisfaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhucan.common.time.BusinessTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;

/**
 * rateMeal and mealsToRate over HTTP: who may rate which meal, the 3-day window to the
 * microsecond, input checks, replacing a rating, and the rating on the meal record. Meals are
 * served today at lunch with the clock stopped after them.
 */
class SatisfactionApiTests extends SatisfactionDayTest {

    @Test
    void shouldRateAStandingMealOfTheFamilysDinerAndCopyTheRecordOntoTheRating() {
        String diner = world.familyDiners.get(0);
        String record = world.serve(world.siteA, diner, shanghai(day, 11, 30));
        Map<String, Object> rating = world.rated(world.family, record, 4, List.of("TASTY", "COLD"), "  鱼很新鲜，就是有点凉　");
        assertThat(rating.get("score")).isEqualTo(4);
        // in the schema's order, whatever order they were given in
        assertThat(tagsOf(rating)).containsExactly("COLD", "TASTY");
        // trimmed, the ideographic space as well
        assertThat(rating.get("comment")).isEqualTo("鱼很新鲜，就是有点凉");
        assertThat(rating.get("revision")).isEqualTo(1);
        assertThat(rating.get("date")).isEqualTo(day.toString());
        assertThat(rating.get("slot")).isEqualTo("LUNCH");
        assertThat(((Map<?, ?>) rating.get("site")).get("id")).isEqualTo(world.siteA);
        assertThat(OffsetDateTime.parse((String) rating.get("ratedAt")).toInstant()).isEqualTo(clock.instant());

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM meal_rating WHERE meal_record_id = ?", Long.valueOf(record));
        assertThat(row.get("diner_id")).isEqualTo(Long.valueOf(diner));
        assertThat(row.get("site_id")).isEqualTo(Long.valueOf(world.siteA));
        assertThat(row.get("operator_id")).isEqualTo(Long.valueOf(world.operatorO));
        assertThat(row.get("slot")).isEqualTo("LUNCH");
        assertThat(row.get("service_date").toString()).isEqualTo(day.toString());
        assertThat(row.get("rated_by")).isEqualTo(world.family);
        assertThat(auditActions(rating)).containsExactly("MEAL_RATED");
    }

    @Test
    void shouldReplaceScoreTagsAndCommentWhenRatedAgainAndRaiseTheRevision() {
        String record = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 30));
        Map<String, Object> first = world.rated(world.family, record, 2, List.of("TOO_SALTY", "TOO_HARD", "COLD"), "太咸了");
        stopAt(day, LocalTime.of(18, 0));
        Map<String, Object> second = world.rated(world.family, record, 5, List.of("TASTY"), "   ");
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("score")).isEqualTo(5);
        assertThat(tagsOf(second)).containsExactly("TASTY");
        assertThat(second.get("comment")).isNull();
        assertThat(second.get("revision")).isEqualTo(2);
        assertThat(OffsetDateTime.parse((String) second.get("ratedAt")).toInstant()).isEqualTo(clock.instant());
        // one row, its tags the second call's only
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE meal_record_id = ?", Integer.class, Long.valueOf(record))).isEqualTo(1);
        assertThat(tagsInDatabase(second)).containsExactly("TASTY");

        // tags left out are the default, none
        Map<String, Object> third = world.rated(world.family, record, 3, null, null);
        assertThat(tagsOf(third)).isEmpty();
        assertThat(third.get("revision")).isEqualTo(3);
        assertThat(tagsInDatabase(third)).isEmpty();
        assertThat(auditActions(third)).containsExactly("MEAL_RATED", "MEAL_RATING_REPLACED", "MEAL_RATING_REPLACED");
    }

    @Test
    void shouldCloseTheWindowThreeDaysAfterTheMealWasServed() {
        String record = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 30));
        String other = world.serve(world.siteB, world.familyDiners.get(1), shanghai(day, 11, 30));
        Instant servedAt = ZonedDateTime.of(day, LocalTime.of(11, 30), BusinessTime.ZONE).toInstant();

        // the last moment of the window
        clock.stopAt(servedAt.plus(Duration.ofDays(3)));
        assertThat(world.rated(world.family, record, 4, List.of(), null).get("revision")).isEqualTo(1);
        assertThat(rateableIds(world.family)).contains(record, other);

        // one microsecond later, neither a first rating nor a replacement
        clock.stopAt(servedAt.plus(Duration.ofDays(3)).plusNanos(1000));
        expectUserError(world.rate(world.family, other, 4, List.of(), null), "RATING_WINDOW_CLOSED", "input", "mealRecordId");
        expectUserError(world.rate(world.family, record, 1, List.of("COLD"), null), "RATING_WINDOW_CLOSED", "input", "mealRecordId");
        assertThat(jdbc.queryForMap("SELECT score, revision FROM meal_rating WHERE meal_record_id = ?", Long.valueOf(record)))
                .containsEntry("score", 4).containsEntry("revision", 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE meal_record_id = ?", Integer.class, Long.valueOf(other))).isZero();
        assertThat(rateableIds(world.family)).doesNotContain(record, other);
    }

    @Test
    void shouldRefuseAVoidedMealAReversalAnotherFamilysMealAndAnUnknownIdAlike() {
        String voided = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 10));
        String reversal = world.voidRecord(voided);
        String othersMeal = world.serve(world.siteA, world.otherFamilyDiner, shanghai(day, 11, 20));
        String mine = world.serve(world.siteB, world.familyDiners.get(1), shanghai(day, 11, 30));

        for (String record : List.of(voided, reversal, othersMeal, "999999999999")) {
            GraphQlTester.Response response = world.rate(world.family, record, 5, List.of("TASTY"), "好");
            expectUserError(response, "MEAL_NOT_RATEABLE", "input", "mealRecordId");
            // the same words whether the record exists or not
            response.path("rateMeal.userErrors[0].message").entity(String.class)
                    .isEqualTo("This meal cannot be rated: it is not a standing meal of a diner you act for");
        }
        // the other family rates its own diner's meal, not this family's
        world.rated(world.otherFamily, othersMeal, 3, List.of(), null);
        expectUserError(world.rate(world.otherFamily, mine, 3, List.of(), null), "MEAL_NOT_RATEABLE", "input", "mealRecordId");
        // administrators, finance and inspectors do not rate meals; counter staff only their own operator's
        for (String account : List.of("admin", world.finance, world.inspector)) {
            world.rate(account, mine, 5, List.of(), null).errors()
                    .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        }
        expectUserError(world.rate(world.staffP, mine, 5, List.of(), null), "MEAL_NOT_RATEABLE", "input", "mealRecordId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE meal_record_id IN (?, ?, ?)", Integer.class,
                Long.valueOf(voided), Long.valueOf(reversal), Long.valueOf(mine))).isZero();
    }

    @Test
    void shouldWithdrawTheRatingOfAMealVoidedAfterItWasRatedAndKeepWhatItSaidInTheAudit() {
        String kept = world.serve(world.siteC, world.familyDiners.get(0), shanghai(day, 11, 10));
        String voided = world.serve(world.siteC, world.familyDiners.get(1), shanghai(day, 11, 20));
        world.rated(world.family, kept, 4, List.of("TASTY"), null);
        String withdrawn = String.valueOf(world.rated(world.family, voided, 1, List.of("COLD"), "凉了").get("id"));
        String month = java.time.YearMonth.from(day).toString();
        as("admin").documentName("siteRatings").variable("siteId", world.siteC).variable("month", month).execute()
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(2);

        world.voidRecord(voided);

        as("admin").documentName("siteRatings").variable("siteId", world.siteC).variable("month", month).execute()
                .path("siteRatings.ratingCount").entity(Integer.class).isEqualTo(1)
                .path("siteRatings.averageScore").entity(Double.class).isEqualTo(4.0)
                .path("siteRatings.tagCounts[*].tag").entityList(String.class).containsExactly("TASTY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating_tag WHERE rating_id = ?", Integer.class, Long.valueOf(withdrawn))).isZero();
        assertThat(jdbc.queryForObject("SELECT JSON_UNQUOTE(JSON_EXTRACT(before_state, '$.rating.comment')) FROM audit_log"
                + " WHERE action = 'MEAL_RATING_WITHDRAWN' AND entity_id = ?", String.class, withdrawn)).isEqualTo("凉了");
    }

    @Test
    void shouldRejectAScoreOutOfRangeARepeatedTagAndAnOverlongCommentNamingTheField() {
        String record = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 30));
        expectUserError(world.rate(world.family, record, 0, List.of(), null), "INVALID_INPUT", "input", "score");
        expectUserError(world.rate(world.family, record, 6, List.of(), null), "INVALID_INPUT", "input", "score");
        expectUserError(world.rate(world.family, record, 3, List.of("COLD", "TASTY", "COLD"), null), "INVALID_INPUT", "input", "tags");
        expectUserError(world.rate(world.family, record, 3, List.of(), "好".repeat(501)), "INVALID_INPUT", "input", "comment");
        // every problem at once
        world.rate(world.family, record, -1, List.of("COLD", "COLD"), "x".repeat(600))
                .path("rateMeal.rating").valueIsNull()
                .path("rateMeal.userErrors[*].field").entityList(Object.class)
                .containsExactly(List.of("input", "score"), List.of("input", "tags"), List.of("input", "comment"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE meal_record_id = ?", Integer.class, Long.valueOf(record))).isZero();

        // 500 characters fit, counted as characters even beyond the basic plane, and surrounding blanks do not count
        String longest = "😋".repeat(250) + "好".repeat(250);
        Map<String, Object> rating = world.rated(world.family, record, 1, List.of(), "  " + longest + "  ");
        assertThat(rating.get("comment")).isEqualTo(longest);
        assertThat(jdbc.queryForObject("SELECT comment FROM meal_rating WHERE meal_record_id = ?", String.class, Long.valueOf(record)))
                .isEqualTo(longest);
    }

    @Test
    void shouldListTheFamilysStandingMealsOfTheLastThreeDaysNewestFirstWithTheirRatings() {
        String first = world.familyDiners.get(0);
        String second = world.familyDiners.get(1);
        String third = world.familyDiners.get(2);
        String early = world.serve(world.siteA, first, shanghai(day, 11, 10));
        String rated = world.serve(world.siteB, second, shanghai(day, 11, 40));
        String voided = world.serve(world.siteA, third, shanghai(day, 11, 50));
        world.voidRecord(voided);
        String others = world.serve(world.siteC, world.otherFamilyDiner, shanghai(day, 12, 0));
        world.rated(world.family, rated, 5, List.of("TASTY", "FRIENDLY_SERVICE"), "很好");
        stopAt(day.plusDays(1), LocalTime.of(12, 30));
        String tomorrow = world.serve(world.siteC, first, shanghai(day.plusDays(1), 12, 0));

        GraphQlTester.Response response = as(world.family).documentName("mealsToRate").execute();
        response.path("mealsToRate[*].mealRecordId").entityList(String.class).containsExactly(tomorrow, rated, early)
                .path("mealsToRate[0].diner.id").entity(String.class).isEqualTo(first)
                .path("mealsToRate[0].diner.name").entity(String.class).isEqualTo("评价老人")
                .path("mealsToRate[0].site.id").entity(String.class).isEqualTo(world.siteC)
                .path("mealsToRate[0].date").entity(String.class).isEqualTo(day.plusDays(1).toString())
                .path("mealsToRate[0].slot").entity(String.class).isEqualTo("LUNCH")
                .path("mealsToRate[0].rating").valueIsNull()
                .path("mealsToRate[1].diner.id").entity(String.class).isEqualTo(second)
                .path("mealsToRate[1].site.id").entity(String.class).isEqualTo(world.siteB)
                .path("mealsToRate[1].rating.score").entity(Integer.class).isEqualTo(5)
                .path("mealsToRate[1].rating.tags").entityList(String.class).containsExactly("TASTY", "FRIENDLY_SERVICE")
                .path("mealsToRate[1].rating.comment").entity(String.class).isEqualTo("很好")
                .path("mealsToRate[2].rating").valueIsNull();
        Instant servedAt = OffsetDateTime.parse(response.path("mealsToRate[2].servedAt").entity(String.class).get()).toInstant();
        assertThat(servedAt).isEqualTo(ZonedDateTime.of(day, LocalTime.of(11, 10), BusinessTime.ZONE).toInstant());
        assertThat(OffsetDateTime.parse(response.path("mealsToRate[2].rateableUntil").entity(String.class).get()).toInstant())
                .isEqualTo(servedAt.plus(Duration.ofDays(3)));
        assertThat(rateableIds(world.otherFamily)).containsExactly(others);

        // three days after 11:10, the first meal has left the list; the others stay until theirs
        stopAt(day.plusDays(3), LocalTime.of(11, 15));
        assertThat(rateableIds(world.family)).containsExactly(tomorrow, rated);
        // counter staff name the diner they rate for; finance has no meals to rate
        as(world.staffO).documentName("mealsToRate").execute().errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        as(world.finance).documentName("mealsToRate").execute().errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    @Test
    void shouldShowTheRatingOnTheMealRecordToAdministratorsOnly() {
        String rated = world.serve(world.siteA, world.familyDiners.get(0), shanghai(day, 11, 30));
        String unrated = world.serve(world.siteA, world.familyDiners.get(1), shanghai(day, 11, 40));
        world.rated(world.family, rated, 2, List.of("SMALL_PORTION"), "分量少");
        as("admin").documentName("satisfactionMealRecordRating").variable("id", rated).execute()
                .path("mealRecord.rating.score").entity(Integer.class).isEqualTo(2)
                .path("mealRecord.rating.tags").entityList(String.class).containsExactly("SMALL_PORTION")
                .path("mealRecord.rating.comment").entity(String.class).isEqualTo("分量少")
                .path("mealRecord.rating.site.id").entity(String.class).isEqualTo(world.siteA);
        as("admin").documentName("satisfactionMealRecordRating").variable("id", unrated).execute()
                .path("mealRecord.id").entity(String.class).isEqualTo(unrated)
                .path("mealRecord.rating").valueIsNull();
        // staff who read the record, and so its diner, do not see the rating: it stays anonymous to them
        for (String account : List.of(world.staffO, world.finance)) {
            as(account).documentName("satisfactionMealRecordRating").variable("id", rated).execute()
                    .path("mealRecord.id").entity(String.class).isEqualTo(rated)
                    .path("mealRecord.rating").valueIsNull();
        }
        // another operator's staff cannot read the record, so not its rating either
        as(world.staffP).documentName("satisfactionMealRecordRating").variable("id", rated).execute().path("mealRecord").valueIsNull();
    }

    @Test
    void shouldReadTheRatingsOfAListOfMealRecordsWithoutAStatementPerRecord() {
        List<String> diners = List.of(world.familyDiners.get(0), world.familyDiners.get(1), world.familyDiners.get(2), world.familyDiner());
        String firstRecord = world.serve(world.siteB, diners.get(0), shanghai(day, 11, 5));
        world.rated(world.family, firstRecord, 4, List.of("TASTY", "COLD"), null);
        readRecordsWithRatings(1);
        long one = statementsDuring(() -> readRecordsWithRatings(1));

        for (int i = 1; i < diners.size(); i++) {
            String record = world.serve(world.siteB, diners.get(i), shanghai(day, 11, 10 + i));
            world.rated(world.family, record, 1 + i, List.of("TOO_OILY", "LATE_DELIVERY"), "第" + i + "条");
        }
        readRecordsWithRatings(4);
        long four = statementsDuring(() -> readRecordsWithRatings(4));
        assertThat(four).isEqualTo(one);
    }

    private void readRecordsWithRatings(int records) {
        GraphQlTester.Response response = as("admin").documentName("satisfactionMealRecordRatings")
                .variable("filter", Map.of("siteId", world.siteB)).execute();
        response.path("mealRecords.totalCount").entity(Integer.class).isEqualTo(records)
                .path("mealRecords.edges[*].node.rating.score").entityList(Integer.class).hasSize(records)
                .path("mealRecords.edges[0].node.rating.site.id").entity(String.class).isEqualTo(world.siteB)
                .path("mealRecords.edges[0].node.rating.tags").entityList(String.class).hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private static List<String> tagsOf(Map<String, Object> rating) {
        return (List<String>) rating.get("tags");
    }

    private List<String> rateableIds(String account) {
        return as(account).documentName("mealsToRate").execute()
                .path("mealsToRate[*].mealRecordId").entityList(String.class).get();
    }

    private List<String> tagsInDatabase(Map<String, Object> rating) {
        return jdbc.queryForList("SELECT tag FROM meal_rating_tag WHERE rating_id = ? ORDER BY tag", String.class,
                Long.valueOf((String) rating.get("id")));
    }

    private List<String> auditActions(Map<String, Object> rating) {
        return jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'MealRating' AND entity_id = ? ORDER BY id", String.class,
                rating.get("id"));
    }

    private static void expectUserError(GraphQlTester.Response response, String code, String... field) {
        response.path("rateMeal.rating").valueIsNull()
                .path("rateMeal.userErrors[*].code").entityList(String.class).containsExactly(code)
                .path("rateMeal.userErrors[0].field").entityList(String.class).containsExactly(field);
    }
}
