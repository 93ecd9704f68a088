-- What each diner has been subsidised, per month and per day: the rows through which the daily and
-- monthly limits of a subsidy policy hold in the database under concurrency, as the one subsidy per
-- diner, date and slot holds through uk_meal_record_subsidy.
--
-- Every write of a meal record (a meal logged, uploaded, voided or corrected) first takes the month
-- row(s) of its diner (creating them from the standing records when missing, in diner then month
-- order), so that a diner's meals are recorded one after another on any number of instances: what
-- it then reads of the diner's records is what committed before. A subsidised meal is then claimed
-- with conditional updates (meals + 1 <= mealsPerDay, subsidy_fen + amount <= monthlyCap), and a void
-- gives its meal and amount back. The rows always equal the sums over the standing MEAL records.

-- The month's subsidy of a diner; the row is also the lock that serialises the diner's meal writes.
CREATE TABLE diner_subsidy_month (
    diner_id    BIGINT NOT NULL,
    -- the first day of the month
    month_start DATE   NOT NULL,
    -- the subsidy of the diner's standing meals of the month
    subsidy_fen BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (diner_id, month_start),
    CONSTRAINT fk_diner_subsidy_month_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_diner_subsidy_month_start CHECK (DAYOFMONTH(month_start) = 1),
    CONSTRAINT ck_diner_subsidy_month_amount CHECK (subsidy_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The subsidised meals of a diner on a day (those whose subsidy is above zero).
CREATE TABLE diner_subsidy_day (
    diner_id     BIGINT NOT NULL,
    service_date DATE   NOT NULL,
    meals        INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (diner_id, service_date),
    CONSTRAINT fk_diner_subsidy_day_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_diner_subsidy_day_meals CHECK (meals >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO diner_subsidy_month (diner_id, month_start, subsidy_fen)
SELECT diner_id, DATE_SUB(service_date, INTERVAL DAYOFMONTH(service_date) - 1 DAY), SUM(subsidy_fen)
FROM meal_record
WHERE kind = 'MEAL' AND reversed_by_id IS NULL AND subsidy_fen > 0
GROUP BY diner_id, DATE_SUB(service_date, INTERVAL DAYOFMONTH(service_date) - 1 DAY);

INSERT INTO diner_subsidy_day (diner_id, service_date, meals)
SELECT diner_id, service_date, COUNT(*)
FROM meal_record
WHERE kind = 'MEAL' AND reversed_by_id IS NULL AND subsidy_fen > 0
GROUP BY diner_id, service_date;
