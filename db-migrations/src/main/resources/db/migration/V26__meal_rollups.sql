-- Daily roll-ups of meal records (日汇总), so that the district dashboard and the operator evaluation read a
-- few rows per site and day instead of every record since the year's start. They hold exactly what the
-- raw aggregates compute (MealRecordMapper.servedSlots, servedDays); a site's day changed since its rows
-- were computed is marked in meal_rollup_dirty in the same transaction as the change, and read from the
-- records until a job computes its rows again (MealRollups). Derived data: rebuildMealRollups computes
-- any range again from the records.

-- Per site, day, slot and the operator that served: what servedSlots and servedDays sum.
CREATE TABLE meal_slot_rollup (
    site_id            BIGINT      NOT NULL,
    service_date       DATE        NOT NULL,
    slot               VARCHAR(16) NOT NULL,
    operator_id        BIGINT      NOT NULL,
    -- MEAL records, standing or reversed: a slot with one was served, even if every meal was voided since
    meal_records       INT         NOT NULL,
    -- standing meals (kind MEAL, not reversed), and those of them with a stored flag
    meals              INT         NOT NULL,
    flagged_meals      INT         NOT NULL,
    -- every record's subsidy, reversals included (net), and the part of it public money pays (all but OPERATOR_DISCOUNT)
    subsidy_fen        BIGINT      NOT NULL,
    public_subsidy_fen BIGINT      NOT NULL,
    PRIMARY KEY (site_id, service_date, slot, operator_id),
    CONSTRAINT fk_meal_slot_rollup_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_meal_slot_rollup_counts CHECK (meal_records >= meals AND meals >= flagged_meals AND flagged_meals >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per site and day: distinct diners with a standing meal, and how many of them have a record at another site
-- that day. Distinct diners add up over sites only where nobody ate at two of them: a reader sums diners over
-- its sites when diners_elsewhere is 0 at all of them that day, and counts the records otherwise.
CREATE TABLE meal_day_rollup (
    site_id          BIGINT NOT NULL,
    service_date     DATE   NOT NULL,
    diners           INT    NOT NULL,
    diners_elsewhere INT    NOT NULL,
    PRIMARY KEY (site_id, service_date),
    CONSTRAINT fk_meal_day_rollup_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_meal_day_rollup_counts CHECK (diners >= diners_elsewhere AND diners_elsewhere >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Site days whose records changed since their roll-up rows were computed. stamp changes with every change
-- (a random start, then + 1), so that the job removes a mark only if nothing changed the day while it computed.
CREATE TABLE meal_rollup_dirty (
    site_id      BIGINT NOT NULL,
    service_date DATE   NOT NULL,
    stamp        BIGINT NOT NULL,
    PRIMARY KEY (site_id, service_date),
    CONSTRAINT fk_meal_rollup_dirty_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the records already there
INSERT INTO meal_slot_rollup (site_id, service_date, slot, operator_id, meal_records, meals, flagged_meals, subsidy_fen, public_subsidy_fen)
SELECT m.site_id, m.service_date, m.slot, m.operator_id,
       SUM(m.kind = 'MEAL'),
       SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL),
       SUM(m.kind = 'MEAL' AND m.reversed_by_id IS NULL AND EXISTS (SELECT 1 FROM meal_record_flag f WHERE f.meal_record_id = m.id)),
       SUM(m.subsidy_fen),
       COALESCE(SUM((SELECT SUM(s.amount_fen) FROM meal_record_share s WHERE s.meal_record_id = m.id AND s.source <> 'OPERATOR_DISCOUNT')), 0)
FROM meal_record m
GROUP BY m.site_id, m.service_date, m.slot, m.operator_id;

INSERT INTO meal_day_rollup (site_id, service_date, diners, diners_elsewhere)
SELECT m.site_id, m.service_date,
       COUNT(DISTINCT CASE WHEN m.kind = 'MEAL' AND m.reversed_by_id IS NULL THEN m.diner_id END),
       COUNT(DISTINCT CASE WHEN m.kind = 'MEAL' AND m.reversed_by_id IS NULL
                                AND EXISTS (SELECT 1 FROM meal_record o WHERE o.diner_id = m.diner_id AND o.service_date = m.service_date
                                                                          AND o.site_id <> m.site_id)
                           THEN m.diner_id END)
FROM meal_record m
GROUP BY m.site_id, m.service_date;

-- The dashboards' rating tallies (SatisfactionMapper.tallyByDay, tallyByOperator: a month of ratings, 300,000 in the
-- quality benchmark) read this index alone instead of every rating's row.
ALTER TABLE meal_rating ADD KEY ix_meal_rating_site_date_tally (site_id, service_date, channel, operator_id, score);
