-- Quality of service: diners' ratings of meals (满意度), food-safety inspections and sample retention
-- (食品安全检查与留样), and the weights of the monthly operator evaluation (运营考核, 优胜劣汰).

-- A diner's (or their family's) rating of a meal served, within 3 days of serving. One per meal
-- record; rating again within the window replaces it. Site, operator, date and slot are copied from
-- the record so that averages per site, operator and day are one indexed GROUP BY.
CREATE TABLE meal_rating (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    meal_record_id BIGINT       NOT NULL,
    diner_id       BIGINT       NOT NULL,
    site_id        BIGINT       NOT NULL,
    operator_id    BIGINT       NOT NULL,
    service_date   DATE         NOT NULL,
    slot           VARCHAR(16)  NOT NULL,
    score          TINYINT      NOT NULL,
    comment        VARCHAR(500) NULL,
    rated_by       VARCHAR(64)  NOT NULL,
    rated_at       DATETIME(6)  NOT NULL,
    -- how many times it was given: 1 at first, +1 each time it is replaced
    revision       INT          NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    CONSTRAINT uk_meal_rating_record UNIQUE (meal_record_id),
    CONSTRAINT fk_meal_rating_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT fk_meal_rating_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_meal_rating_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_meal_rating_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT ck_meal_rating_score CHECK (score BETWEEN 1 AND 5),
    CONSTRAINT ck_meal_rating_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    KEY ix_meal_rating_site_date (site_id, service_date),
    KEY ix_meal_rating_operator_date (operator_id, service_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meal_rating_tag (
    rating_id BIGINT      NOT NULL,
    tag       VARCHAR(24) NOT NULL,
    PRIMARY KEY (rating_id, tag),
    CONSTRAINT fk_meal_rating_tag_rating FOREIGN KEY (rating_id) REFERENCES meal_rating (id),
    CONSTRAINT ck_meal_rating_tag CHECK (tag IN ('TOO_SALTY', 'TOO_BLAND', 'TOO_OILY', 'TOO_HARD', 'COLD', 'SMALL_PORTION',
                                                 'LATE_DELIVERY', 'UNFRIENDLY_SERVICE', 'TASTY', 'FRIENDLY_SERVICE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A food-safety inspection of a site (食品安全检查). A result other than PASSED sets a follow-up due
-- date; a later inspection that names it in follows_up_id and passes closes it.
CREATE TABLE inspection (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    site_id        BIGINT       NOT NULL,
    -- the operator running the site on the day: evaluations count it against that operator
    operator_id    BIGINT       NOT NULL,
    inspected_on   DATE         NOT NULL,
    result         VARCHAR(24)  NOT NULL,
    summary        VARCHAR(500) NULL,
    follow_up_due  DATE         NULL,
    follows_up_id  BIGINT       NULL,
    inspector      VARCHAR(64)  NOT NULL,
    recorded_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_inspection_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_inspection_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_inspection_follows_up FOREIGN KEY (follows_up_id) REFERENCES inspection (id),
    CONSTRAINT ck_inspection_result CHECK (result IN ('PASSED', 'NEEDS_RECTIFICATION', 'FAILED')),
    CONSTRAINT ck_inspection_follow_up CHECK ((result = 'PASSED') = (follow_up_due IS NULL)),
    KEY ix_inspection_site_date (site_id, inspected_on),
    KEY ix_inspection_operator_date (operator_id, inspected_on),
    KEY ix_inspection_date (inspected_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The items checked, each passed or not, with a note.
CREATE TABLE inspection_item (
    inspection_id BIGINT       NOT NULL,
    item          VARCHAR(32)  NOT NULL,
    passed        BOOLEAN      NOT NULL,
    note          VARCHAR(255) NULL,
    PRIMARY KEY (inspection_id, item),
    CONSTRAINT fk_inspection_item_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
    CONSTRAINT ck_inspection_item CHECK (item IN ('LICENCES', 'HEALTH_CERTIFICATES', 'RAW_MATERIAL_RECORDS', 'STORAGE',
                                                  'PROCESSING', 'TABLEWARE_DISINFECTION', 'SAMPLE_RETENTION', 'PEST_CONTROL',
                                                  'ENVIRONMENT_HYGIENE', 'ALLERGEN_AND_ELDERLY_DIET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inspection_photo (
    inspection_id BIGINT        NOT NULL,
    position      INT           NOT NULL,
    url           VARCHAR(512)  NOT NULL,
    PRIMARY KEY (inspection_id, position),
    CONSTRAINT fk_inspection_photo_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A slot's sample retention (留样): each dish served kept, weighed and sealed, by a named keeper. One
-- log per site, date and slot; a served slot without one is flagged.
CREATE TABLE sample_retention (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    site_id      BIGINT      NOT NULL,
    service_date DATE        NOT NULL,
    slot         VARCHAR(16) NOT NULL,
    kept_at      DATETIME(6) NOT NULL,
    keeper       VARCHAR(64) NOT NULL,
    logged_by    VARCHAR(64) NOT NULL,
    logged_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_sample_retention_slot UNIQUE (site_id, service_date, slot),
    CONSTRAINT fk_sample_retention_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_sample_retention_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE sample_retention_dish (
    retention_id BIGINT      NOT NULL,
    position     INT         NOT NULL,
    dish_name    VARCHAR(64) NOT NULL,
    weight_grams INT         NOT NULL,
    PRIMARY KEY (retention_id, position),
    CONSTRAINT fk_sample_retention_dish_retention FOREIGN KEY (retention_id) REFERENCES sample_retention (id),
    CONSTRAINT ck_sample_retention_dish_weight CHECK (weight_grams BETWEEN 1 AND 5000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The weights of a district's monthly operator evaluation, in percent, from a month on: a month is
-- scored with the weights in force then, so changing them does not rewrite past rankings.
CREATE TABLE evaluation_weights (
    district_id     BIGINT      NOT NULL,
    effective_month DATE        NOT NULL,
    operating_rate  INT         NOT NULL,
    satisfaction    INT         NOT NULL,
    inspection      INT         NOT NULL,
    flags           INT         NOT NULL,
    no_show         INT         NOT NULL,
    set_by          VARCHAR(64) NOT NULL,
    set_at          DATETIME(6) NOT NULL,
    PRIMARY KEY (district_id, effective_month),
    CONSTRAINT fk_evaluation_weights_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_evaluation_weights_month CHECK (DAYOFMONTH(effective_month) = 1),
    CONSTRAINT ck_evaluation_weights_range CHECK (operating_rate >= 0 AND satisfaction >= 0 AND inspection >= 0
                                                 AND flags >= 0 AND no_show >= 0),
    CONSTRAINT ck_evaluation_weights_sum CHECK (operating_rate + satisfaction + inspection + flags + no_show = 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
