-- The day's and the month's subsidy usage of a diner (V10) in one table, so that a subsidised meal
-- claims both limits with one statement (a day row's meals within mealsPerDay and its month row's
-- subsidy within monthlyCap, the rows created from the standing records when missing), and a void
-- gives both back with one. What the rows mean is unchanged: they always equal the sums over the
-- standing MEAL records, and every write of a diner's meal records first takes the diner's month
-- row(s), the lock that makes a diner's meals written one after another on any number of instances.
CREATE TABLE diner_subsidy_usage (
    diner_id     BIGINT  NOT NULL,
    -- 'M' a month (period_start its first day), 'D' a day
    period       CHAR(1) NOT NULL,
    period_start DATE    NOT NULL,
    -- day rows: the subsidised standing meals of the day (0 on month rows)
    meals        INT     NOT NULL DEFAULT 0,
    -- month rows: the subsidy of the standing meals of the month (0 on day rows)
    subsidy_fen  BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (diner_id, period, period_start),
    CONSTRAINT fk_diner_subsidy_usage_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_diner_subsidy_usage_period CHECK (period = 'D' OR (period = 'M' AND DAYOFMONTH(period_start) = 1)),
    -- a claim over a limit writes -1, which these refuse: the statement then changes nothing
    CONSTRAINT ck_diner_subsidy_usage_meals CHECK (meals >= 0),
    CONSTRAINT ck_diner_subsidy_usage_amount CHECK (subsidy_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO diner_subsidy_usage (diner_id, period, period_start, subsidy_fen)
SELECT diner_id, 'M', month_start, subsidy_fen FROM diner_subsidy_month;

INSERT INTO diner_subsidy_usage (diner_id, period, period_start, meals)
SELECT diner_id, 'D', service_date, meals FROM diner_subsidy_day;

DROP TABLE diner_subsidy_month;
DROP TABLE diner_subsidy_day;
