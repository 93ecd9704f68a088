-- Ratings per site, day and operator (评价日汇总), so that the operator evaluation and the district dashboard read a
-- few rows per site and day instead of every rating of the month (300,000 in the quality benchmark: a scan of about
-- 0.3-0.6 s however well indexed). Kept exact in the rating's own transaction: rateMeal and a withdrawal (a void or a
-- correction) add their difference under the meal record's lock, so two changes of one meal never race. Derived
-- data: SatisfactionService.rebuildTallies computes a range again from meal_rating (rebuildMealRollups does it too).
CREATE TABLE meal_rating_tally (
    site_id           BIGINT NOT NULL,
    service_date      DATE   NOT NULL,
    operator_id       BIGINT NOT NULL,
    -- every rating, and those the operator's own counter staff entered (channel COUNTER: left out of its evaluation)
    ratings           INT    NOT NULL,
    score_sum         BIGINT NOT NULL,
    counter_ratings   INT    NOT NULL,
    counter_score_sum BIGINT NOT NULL,
    PRIMARY KEY (site_id, service_date, operator_id),
    -- no CHECK on the counts: a void must not fail on derived data (a rating written around the application and not
    -- yet rebuilt would take a count below 0); the rebuild puts it right
    CONSTRAINT fk_meal_rating_tally_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the ratings already there
INSERT INTO meal_rating_tally (site_id, service_date, operator_id, ratings, score_sum, counter_ratings, counter_score_sum)
SELECT r.site_id, r.service_date, r.operator_id, COUNT(*), SUM(r.score), SUM(r.channel = 'COUNTER'),
       COALESCE(SUM(CASE WHEN r.channel = 'COUNTER' THEN r.score END), 0)
FROM meal_rating r
GROUP BY r.site_id, r.service_date, r.operator_id;
