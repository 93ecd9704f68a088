-- Subsidy settlement (补贴结算): statements per operator, district and period; the records each one
-- settles (a record in at most one statement, by primary key); lines and totals made by INSERT ...
-- SELECT ... GROUP BY; funding budgets per district, year and source.

-- The operator that ran the site when the meal was served: a site can change hands (优胜劣汰), and
-- its earlier meals are still the earlier operator's to be paid for.
ALTER TABLE meal_record ADD COLUMN operator_id BIGINT NULL AFTER site_id;
UPDATE meal_record m JOIN site s ON s.id = m.site_id SET m.operator_id = s.operator_id;
ALTER TABLE meal_record MODIFY operator_id BIGINT NOT NULL,
    ADD CONSTRAINT fk_meal_record_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    ADD KEY ix_meal_record_operator_date (operator_id, service_date);

-- Operating subsidy (运营补贴): an amount per diner served per day, paid to the operator from one source.
ALTER TABLE subsidy_policy
    ADD COLUMN operating_subsidy_fen BIGINT NULL,
    ADD COLUMN operating_subsidy_source VARCHAR(24) NULL,
    ADD CONSTRAINT ck_subsidy_policy_operating CHECK ((operating_subsidy_fen IS NULL AND operating_subsidy_source IS NULL)
        OR (operating_subsidy_fen > 0 AND operating_subsidy_source IN ('CITY', 'DISTRICT', 'TOWN_OR_STREET', 'LOTTERY_FUND')));

CREATE TABLE settlement_statement (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    operator_id         BIGINT       NOT NULL,
    district_id         BIGINT       NOT NULL,
    period_start        DATE         NOT NULL,
    period_end          DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    -- optimistic lock: every transition names the version it saw and bumps it
    version             INT          NOT NULL,
    record_count        INT          NOT NULL,
    -- records dated before the period (voids and late uploads of settled periods), carried into this one
    carried_count       INT          NOT NULL,
    flagged_count       INT          NOT NULL,
    meal_subsidy_fen    BIGINT       NOT NULL,
    operating_subsidy_fen BIGINT     NOT NULL,
    -- what the public sources pay: everything but the operator's own discount
    payable_fen         BIGINT       NOT NULL,
    generated_by        VARCHAR(64)  NOT NULL,
    generated_at        DATETIME(6)  NOT NULL,
    submitted_by        VARCHAR(64)  NULL,
    submitted_at        DATETIME(6)  NULL,
    reviewed_by         VARCHAR(64)  NULL,
    reviewed_at         DATETIME(6)  NULL,
    rejection_reason    VARCHAR(500) NULL,
    -- SHA-256 of the content as approved; verified before payment and on every read
    content_hash        CHAR(64)     NULL,
    payment_reference   VARCHAR(64)  NULL,
    paid_on             DATE         NULL,
    paid_by             VARCHAR(64)  NULL,
    paid_at             DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_settlement_statement_period UNIQUE (operator_id, district_id, period_start, period_end),
    CONSTRAINT fk_settlement_statement_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_settlement_statement_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_settlement_statement_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
    CONSTRAINT ck_settlement_statement_period CHECK (period_end >= period_start),
    CONSTRAINT ck_settlement_statement_hash CHECK ((status IN ('APPROVED', 'PAID')) = (content_hash IS NOT NULL)),
    CONSTRAINT ck_settlement_statement_paid CHECK ((status = 'PAID') = (payment_reference IS NOT NULL AND paid_on IS NOT NULL)),
    KEY ix_settlement_statement_district (district_id, period_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which statement settles a record: the primary key is the rule that a record is settled once.
-- No foreign key to meal_record: its check would hold a shared lock on every claimed record until a
-- long generation commits, and block voids meanwhile; meal records are never deleted anyway.
CREATE TABLE settlement_record (
    meal_record_id BIGINT  NOT NULL,
    statement_id   BIGINT  NOT NULL,
    carried        BOOLEAN NOT NULL,
    PRIMARY KEY (meal_record_id),
    KEY ix_settlement_record_statement (statement_id, meal_record_id),
    KEY ix_settlement_record_carried (statement_id, carried),
    CONSTRAINT fk_settlement_record_statement FOREIGN KEY (statement_id) REFERENCES settlement_statement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A statement's lines: meal subsidies of its period and adjustments carried from earlier ones, per
-- site, source and diner category ('' when the tier was by age alone); operating subsidy per site.
CREATE TABLE settlement_line (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    statement_id   BIGINT      NOT NULL,
    kind           VARCHAR(24) NOT NULL,
    site_id        BIGINT      NOT NULL,
    source         VARCHAR(24) NOT NULL,
    diner_category VARCHAR(32) NOT NULL,
    -- meals (net of reversals), or for operating subsidy diner-days
    quantity       INT         NOT NULL,
    amount_fen     BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_settlement_line UNIQUE (statement_id, kind, site_id, source, diner_category),
    CONSTRAINT fk_settlement_line_statement FOREIGN KEY (statement_id) REFERENCES settlement_statement (id),
    CONSTRAINT fk_settlement_line_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_settlement_line_kind CHECK (kind IN ('MEAL_SUBSIDY', 'ADJUSTMENT', 'OPERATING_SUBSIDY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per operator and district, locked by every generation first: generations of one operator
-- take turns, so two never claim the same records at once.
CREATE TABLE settlement_lock (
    operator_id BIGINT NOT NULL,
    district_id BIGINT NOT NULL,
    PRIMARY KEY (operator_id, district_id),
    CONSTRAINT fk_settlement_lock_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_settlement_lock_district FOREIGN KEY (district_id) REFERENCES region (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 年度预算: what a source has set aside for a district's meal subsidies in a year.
CREATE TABLE funding_budget (
    district_id BIGINT      NOT NULL,
    year        INT         NOT NULL,
    source      VARCHAR(24) NOT NULL,
    amount_fen  BIGINT      NOT NULL,
    updated_by  VARCHAR(64) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (district_id, year, source),
    CONSTRAINT fk_funding_budget_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_funding_budget_source CHECK (source IN ('CITY', 'DISTRICT', 'TOWN_OR_STREET', 'LOTTERY_FUND', 'OPERATOR_DISCOUNT')),
    CONSTRAINT ck_funding_budget_amount CHECK (amount_fen >= 0 AND year BETWEEN 2000 AND 2100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
