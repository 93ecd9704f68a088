-- Subsidy policies (补贴政策): versioned per district, DRAFT → PUBLISHED; a published version is
-- never changed, a newer one supersedes it from its effective date. Tiers per meal slot by
-- category and age band, each split across funding sources.

CREATE TABLE subsidy_policy (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    district_id        BIGINT       NOT NULL,
    version            INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    name               VARCHAR(128) NOT NULL,
    effective_from     DATE         NOT NULL,
    -- what the diner always pays at least (e.g. 100 fen): no subsidy when price < subsidy + floor
    diner_floor_fen    BIGINT       NOT NULL,
    meals_per_day      INT          NOT NULL,
    meals_per_slot     INT          NOT NULL,
    monthly_cap_fen    BIGINT       NULL,
    minimum_age        INT          NOT NULL,
    standard_price_fen BIGINT       NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    published_by       VARCHAR(64)  NULL,
    published_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_subsidy_policy_version UNIQUE (district_id, version),
    CONSTRAINT fk_subsidy_policy_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_subsidy_policy_status CHECK (status IN ('DRAFT', 'PUBLISHED')),
    CONSTRAINT ck_subsidy_policy_amounts CHECK (diner_floor_fen >= 0 AND (monthly_cap_fen IS NULL OR monthly_cap_fen >= 0)
                                                AND (standard_price_fen IS NULL OR standard_price_fen >= 0)),
    CONSTRAINT ck_subsidy_policy_limits CHECK (meals_per_day >= 0 AND meals_per_slot >= 0 AND minimum_age BETWEEN 0 AND 150),
    KEY idx_subsidy_policy_effective (district_id, status, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE subsidy_tier (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    policy_id   BIGINT      NOT NULL,
    position    INT         NOT NULL,
    slot        VARCHAR(16) NOT NULL,
    min_age     INT         NOT NULL,
    max_age     INT         NULL,
    subsidy_fen BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_subsidy_tier_position UNIQUE (policy_id, position),
    CONSTRAINT fk_subsidy_tier_policy FOREIGN KEY (policy_id) REFERENCES subsidy_policy (id),
    CONSTRAINT ck_subsidy_tier_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_subsidy_tier_ages CHECK (min_age >= 0 AND (max_age IS NULL OR max_age >= min_age)),
    CONSTRAINT ck_subsidy_tier_subsidy CHECK (subsidy_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A tier with no categories applies to everyone in its age band.
CREATE TABLE subsidy_tier_category (
    tier_id  BIGINT      NOT NULL,
    category VARCHAR(24) NOT NULL,
    PRIMARY KEY (tier_id, category),
    CONSTRAINT fk_subsidy_tier_category_tier FOREIGN KEY (tier_id) REFERENCES subsidy_tier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who pays how much of a tier's subsidy: fixed amounts, and exactly one source taking the rest.
CREATE TABLE subsidy_tier_share (
    tier_id      BIGINT      NOT NULL,
    position     INT         NOT NULL,
    source       VARCHAR(24) NOT NULL,
    amount_fen   BIGINT      NULL,
    is_remainder BOOLEAN     NOT NULL,
    PRIMARY KEY (tier_id, source),
    CONSTRAINT fk_subsidy_tier_share_tier FOREIGN KEY (tier_id) REFERENCES subsidy_tier (id),
    CONSTRAINT ck_subsidy_tier_share_source CHECK (source IN ('CITY', 'DISTRICT', 'TOWN_OR_STREET', 'LOTTERY_FUND', 'OPERATOR_DISCOUNT')),
    CONSTRAINT ck_subsidy_tier_share_amount CHECK ((is_remainder AND amount_fen IS NULL) OR (NOT is_remainder AND amount_fen >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
