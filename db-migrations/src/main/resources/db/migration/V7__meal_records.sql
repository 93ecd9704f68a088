-- Meals served (核销 / 就餐记录): the evidence for every subsidy payment. Append-only: a void adds a
-- REVERSAL record with the amounts negated, and a correction adds a reversal and a replacement. The
-- only column ever written after insert is reversed_by_id, once, when the record is reversed.

CREATE TABLE meal_record (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    -- MEAL: a meal served; REVERSAL: cancels the record in reverses_id (the adjustment settlement carries)
    kind              VARCHAR(16)  NOT NULL,
    site_id           BIGINT       NOT NULL,
    diner_id          BIGINT       NOT NULL,
    service_date      DATE         NOT NULL,
    slot              VARCHAR(16)  NOT NULL,
    served_at         DATETIME(6)  NOT NULL,
    booking_id        BIGINT       NULL,
    -- how the counter knew the diner: ID_CARD, FACE, DINER_QR, STAFF_PROXY, FAMILY_PICKUP
    verification      VARCHAR(16)  NOT NULL,
    -- the evidence that goes with it: a proxy's reason, who picked up, a face token's digest
    verification_note VARCHAR(255) NULL,
    price_fen         BIGINT       NOT NULL,
    subsidy_fen       BIGINT       NOT NULL,
    diner_pays_fen    BIGINT       NOT NULL,
    policy_id         BIGINT       NULL,
    -- the category that qualified the diner for the tier; NULL when the tier is by age alone
    diner_category    VARCHAR(32)  NULL,
    -- the quote's shares and reasons as quoteMeal gave them
    quote             JSON         NOT NULL,
    -- the diner had already eaten in this slot that day: served at full price, never subsidised twice
    second_meal       BOOLEAN      NOT NULL DEFAULT FALSE,
    -- COUNTER (logMeal), OFFLINE (uploadMealRecords), CORRECTION (correctMealRecord), VOID
    origin            VARCHAR(16)  NOT NULL,
    -- an offline device's own id for the record, unique per site: a replayed upload adds nothing
    client_record_id  VARCHAR(64)  NULL,
    client_hash       CHAR(64)     NULL,
    reverses_id       BIGINT       NULL,
    corrects_id       BIGINT       NULL,
    reversed_by_id    BIGINT       NULL,
    reason            VARCHAR(255) NULL,
    recorded_by       VARCHAR(64)  NOT NULL,
    recorded_at       DATETIME(6)  NOT NULL,
    -- 1 while a subsidised meal stands, NULL otherwise: with the unique key below, one subsidy per diner,
    -- date and slot across the whole network, whichever site serves
    subsidy_claim     TINYINT AS (CASE WHEN kind = 'MEAL' AND subsidy_fen > 0 AND reversed_by_id IS NULL THEN 1 ELSE NULL END) STORED,
    -- 1 while a meal served against a booking stands: a booking is served once
    booking_claim     TINYINT AS (CASE WHEN kind = 'MEAL' AND booking_id IS NOT NULL AND reversed_by_id IS NULL THEN 1 ELSE NULL END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uk_meal_record_subsidy UNIQUE (diner_id, service_date, slot, subsidy_claim),
    CONSTRAINT uk_meal_record_booking UNIQUE (booking_id, booking_claim),
    CONSTRAINT uk_meal_record_client UNIQUE (site_id, client_record_id),
    CONSTRAINT uk_meal_record_reverses UNIQUE (reverses_id),
    KEY ix_meal_record_site_date (site_id, service_date, slot),
    KEY ix_meal_record_diner_date (diner_id, service_date),
    KEY ix_meal_record_recorded (recorded_at),
    CONSTRAINT fk_meal_record_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_meal_record_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_meal_record_booking FOREIGN KEY (booking_id) REFERENCES booking (id),
    CONSTRAINT fk_meal_record_policy FOREIGN KEY (policy_id) REFERENCES subsidy_policy (id),
    CONSTRAINT fk_meal_record_reverses FOREIGN KEY (reverses_id) REFERENCES meal_record (id),
    CONSTRAINT fk_meal_record_corrects FOREIGN KEY (corrects_id) REFERENCES meal_record (id),
    CONSTRAINT fk_meal_record_reversed_by FOREIGN KEY (reversed_by_id) REFERENCES meal_record (id),
    CONSTRAINT ck_meal_record_kind CHECK (kind IN ('MEAL', 'REVERSAL')),
    CONSTRAINT ck_meal_record_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_meal_record_verification CHECK (verification IN ('ID_CARD', 'FACE', 'DINER_QR', 'STAFF_PROXY', 'FAMILY_PICKUP')),
    CONSTRAINT ck_meal_record_origin CHECK (origin IN ('COUNTER', 'OFFLINE', 'CORRECTION', 'VOID')),
    CONSTRAINT ck_meal_record_split CHECK (subsidy_fen + diner_pays_fen = price_fen),
    CONSTRAINT ck_meal_record_signs CHECK ((kind = 'MEAL' AND price_fen >= 0 AND subsidy_fen >= 0 AND diner_pays_fen >= 0)
                                           OR (kind = 'REVERSAL' AND price_fen <= 0 AND subsidy_fen <= 0 AND diner_pays_fen <= 0)),
    CONSTRAINT ck_meal_record_reversal CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL)),
    CONSTRAINT ck_meal_record_reversed CHECK (kind = 'MEAL' OR reversed_by_id IS NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was served, at the menu's prices.
CREATE TABLE meal_record_item (
    meal_record_id BIGINT      NOT NULL,
    position       INT         NOT NULL,
    dish_id        BIGINT      NULL,
    set_meal_name  VARCHAR(64) NULL,
    name           VARCHAR(64) NOT NULL,
    unit_price_fen BIGINT      NOT NULL,
    quantity       INT         NOT NULL,
    PRIMARY KEY (meal_record_id, position),
    CONSTRAINT fk_meal_record_item_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT fk_meal_record_item_dish FOREIGN KEY (dish_id) REFERENCES dish (id),
    CONSTRAINT ck_meal_record_item_kind CHECK ((dish_id IS NULL) <> (set_meal_name IS NULL)),
    CONSTRAINT ck_meal_record_item_amounts CHECK (unit_price_fen >= 0 AND quantity BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each funding source's part of a record's subsidy (negative on a reversal), so that settlement sums
-- them in SQL by source.
CREATE TABLE meal_record_share (
    meal_record_id BIGINT      NOT NULL,
    source         VARCHAR(24) NOT NULL,
    amount_fen     BIGINT      NOT NULL,
    PRIMARY KEY (meal_record_id, source),
    CONSTRAINT fk_meal_record_share_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT ck_meal_record_share_source CHECK (source IN ('CITY', 'DISTRICT', 'TOWN_OR_STREET', 'LOTTERY_FUND', 'OPERATOR_DISCOUNT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Checks that flag a record for review without blocking it (the staff-proxy share of a site's day is
-- computed when read, since it changes with every meal).
CREATE TABLE meal_record_flag (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    meal_record_id    BIGINT       NOT NULL,
    code              VARCHAR(32)  NOT NULL,
    detail            VARCHAR(255) NOT NULL,
    related_record_id BIGINT       NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_meal_record_flag UNIQUE (meal_record_id, code),
    CONSTRAINT fk_meal_record_flag_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT fk_meal_record_flag_related FOREIGN KEY (related_record_id) REFERENCES meal_record (id),
    CONSTRAINT ck_meal_record_flag_code CHECK (code IN ('TWO_SITES_WITHIN_HOUR', 'DINER_NOT_ACTIVE', 'OUTSIDE_SERVING_HOURS'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per site, locked by each offline-upload transaction of the site first: devices of one site
-- replaying overlapping batches take turns instead of deadlocking on each other's unique-key checks.
CREATE TABLE meal_upload_lock (
    site_id BIGINT NOT NULL,
    PRIMARY KEY (site_id),
    CONSTRAINT fk_meal_upload_lock_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
