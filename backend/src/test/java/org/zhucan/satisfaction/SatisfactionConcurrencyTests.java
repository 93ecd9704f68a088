package org.zhucan.satisfaction;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhucan.testsupport.Race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;

/** Ratings of one meal sent at the same moment, from real threads against the real database. */
class SatisfactionConcurrencyTests extends SatisfactionDayTest {

    /** Each score's own tags, so that a row's tags show which call wrote them. */
    private static final Map<Integer, List<String>> TAGS_OF_SCORE = Map.of(
            1, List.of("TOO_SALTY", "COLD"),
            2, List.of("TOO_BLAND", "SMALL_PORTION"),
            3, List.of("TOO_OILY", "LATE_DELIVERY", "TASTY"),
            4, List.of("TOO_HARD"),
            5, List.of("UNFRIENDLY_SERVICE", "FRIENDLY_SERVICE"));

    @Test
    void shouldKeepOneRowWhoseTagsMatchItsScoreWhenTheSameMealIsRatedConcurrently() throws Exception {
        for (int round = 0; round < 3; round++) {
            String record = world.serve(world.siteA, world.familyDiners.get(round), shanghai(day, 11, 10 * round));
            // two calls: the double tap; five: every score at once
            int calls = round == 0 ? 2 : 5;
            List<String> revisions = Race.run(calls, i -> world.rate(world.family, record, 1 + i, TAGS_OF_SCORE.get(1 + i), "第" + i + "次")
                    .path("rateMeal.userErrors").entityList(Object.class).hasSize(0)
                    .path("rateMeal.rating.revision").entity(String.class).get());
            // each call replaced the one before it: every revision from 1 up, once
            assertThat(revisions.stream().map(Integer::valueOf).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, calls).boxed().toList());

            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, score, comment, revision FROM meal_rating WHERE meal_record_id = ?",
                    Long.valueOf(record));
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            int score = ((Number) row.get("score")).intValue();
            assertThat(row.get("revision")).isEqualTo(calls);
            assertThat(row.get("comment")).isEqualTo("第" + (score - 1) + "次");
            assertThat(jdbc.queryForList("SELECT tag FROM meal_rating_tag WHERE rating_id = ?", String.class, row.get("id")))
                    .containsExactlyInAnyOrderElementsOf(TAGS_OF_SCORE.get(score));
        }
    }

    @Test
    void shouldNeverLeaveARatingOnAMealVoidedAtTheSameTime() throws Exception {
        for (int round = 0; round < 4; round++) {
            String record = world.serve(world.siteB, world.familyDiners.get(round % 3), shanghai(day, 11, 5 + 10 * round));
            // whichever comes first, the other sees it: a rating then withdrawn, or a void then MEAL_NOT_RATEABLE
            List<String> outcomes = Race.run(2, i -> i == 0
                    ? world.rate(world.family, record, 3, List.of("COLD"), null).path("rateMeal.userErrors[*].code").entityList(String.class).get()
                            .stream().findFirst().orElse("RATED")
                    : "VOIDED:" + world.voidRecord(record));
            assertThat(outcomes).anyMatch(outcome -> outcome.startsWith("VOIDED:"))
                    .anyMatch(outcome -> outcome.equals("RATED") || outcome.equals("MEAL_NOT_RATEABLE"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_rating WHERE meal_record_id = ?", Integer.class, Long.valueOf(record)))
                    .isZero();
        }
    }
}
