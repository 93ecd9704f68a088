-- The diner's share (issue 22): how each meal was paid, prepaid balances, the daily cash close (日结) and the
-- import of a payment provider's statement. Money is integer fen throughout.

-- One row per movement of a diner's share: a CHARGE when a meal is recorded (FREE when the diner pays nothing),
-- a REFUND (negative) when it is voided or corrected, in the method of the charge it refunds. Append-only.
-- cash_date is the day the money changed hands (the meal's date); cash_day_id is set once, by the close
-- of the site's day that takes the row in: a row taken on a day closed meanwhile is taken by the next close.
CREATE TABLE payment (
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    kind               VARCHAR(8)  NOT NULL,
    method             VARCHAR(8)  NOT NULL,
    amount_fen         BIGINT      NOT NULL,
    site_id            BIGINT      NOT NULL,
    diner_id           BIGINT      NOT NULL,
    meal_record_id     BIGINT      NOT NULL,
    external_reference VARCHAR(64) NULL,
    refunds_id         BIGINT      NULL,
    taken_by           VARCHAR(64) NOT NULL,
    taken_at           DATETIME(6) NOT NULL,
    cash_date          DATE        NOT NULL,
    cash_day_id        BIGINT      NULL,
    PRIMARY KEY (id),
    -- a meal record is charged once, and a charge refunded once
    CONSTRAINT uk_payment_charge UNIQUE (meal_record_id, kind),
    CONSTRAINT uk_payment_refund UNIQUE (refunds_id),
    CONSTRAINT fk_payment_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_payment_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_payment_meal_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT fk_payment_refunds FOREIGN KEY (refunds_id) REFERENCES payment (id),
    CONSTRAINT ck_payment_kind CHECK (kind IN ('CHARGE', 'REFUND')),
    CONSTRAINT ck_payment_method CHECK (method IN ('CASH', 'PREPAID', 'WECHAT', 'ALIPAY', 'CARD', 'FREE')),
    CONSTRAINT ck_payment_sign CHECK ((kind = 'CHARGE' AND amount_fen >= 0 AND refunds_id IS NULL)
                                      OR (kind = 'REFUND' AND amount_fen <= 0 AND refunds_id IS NOT NULL)),
    CONSTRAINT ck_payment_free CHECK ((method = 'FREE') = (amount_fen = 0)),
    CONSTRAINT ck_payment_online CHECK (method NOT IN ('WECHAT', 'ALIPAY') OR external_reference IS NOT NULL),
    KEY idx_payment_cash (site_id, cash_day_id, cash_date),
    KEY idx_payment_reference (external_reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A diner's prepaid balance (预存余额): the sum of its ledger entries, never negative. Meals take from it with a
-- conditional UPDATE (balance_fen >= amount); the CHECK refuses whatever gets past that.
CREATE TABLE prepaid_balance (
    diner_id    BIGINT      NOT NULL,
    balance_fen BIGINT      NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (diner_id),
    CONSTRAINT fk_prepaid_balance_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_prepaid_balance_not_negative CHECK (balance_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The append-only ledger: TOP_UP (+, with how it was paid and the provider's reference for online ones),
-- MEAL (-, the payment it paid), REFUND (+, the refund payment), ADJUSTMENT (+/-, with a reason).
CREATE TABLE prepaid_entry (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    diner_id           BIGINT       NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    amount_fen         BIGINT       NOT NULL,
    method             VARCHAR(8)   NULL,
    external_reference VARCHAR(64)  NULL,
    payment_id         BIGINT       NULL,
    site_id            BIGINT       NULL,
    reason             VARCHAR(255) NULL,
    -- a top-up paid in cash is cash in a drawer: the cash day takes it in as it takes meal payments
    cash_date          DATE         NULL,
    cash_day_id        BIGINT       NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_prepaid_entry_payment UNIQUE (payment_id),
    -- an online top-up is credited once, however often the provider or the family sends it
    CONSTRAINT uk_prepaid_entry_reference UNIQUE (method, external_reference),
    CONSTRAINT fk_prepaid_entry_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_prepaid_entry_payment FOREIGN KEY (payment_id) REFERENCES payment (id),
    CONSTRAINT fk_prepaid_entry_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_prepaid_entry_kind CHECK (kind IN ('TOP_UP', 'MEAL', 'REFUND', 'ADJUSTMENT')),
    CONSTRAINT ck_prepaid_entry_sign CHECK (amount_fen <> 0
        AND (kind NOT IN ('TOP_UP', 'REFUND') OR amount_fen > 0)
        AND (kind <> 'MEAL' OR amount_fen < 0)),
    -- a top-up is paid to a site (its operator's account), in cash or online
    CONSTRAINT ck_prepaid_entry_top_up CHECK (kind <> 'TOP_UP' OR (method IN ('CASH', 'WECHAT', 'ALIPAY', 'CARD') AND site_id IS NOT NULL)),
    CONSTRAINT ck_prepaid_entry_online CHECK (method IS NULL OR method NOT IN ('WECHAT', 'ALIPAY') OR external_reference IS NOT NULL),
    CONSTRAINT ck_prepaid_entry_meal CHECK (kind NOT IN ('MEAL', 'REFUND') OR payment_id IS NOT NULL),
    CONSTRAINT ck_prepaid_entry_adjustment CHECK (kind <> 'ADJUSTMENT' OR reason IS NOT NULL),
    KEY idx_prepaid_entry_diner (diner_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A site's cash day (日结): OPEN while staff count, CLOSED once and for good.
CREATE TABLE cash_day (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    site_id       BIGINT      NOT NULL,
    business_date DATE        NOT NULL,
    status        VARCHAR(8)  NOT NULL,
    closed_by     VARCHAR(64) NULL,
    closed_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_cash_day UNIQUE (site_id, business_date),
    CONSTRAINT fk_cash_day_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_cash_day_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT ck_cash_day_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What one staff member counted and handed over on a cash day; expected_fen is frozen by the close.
CREATE TABLE cash_count (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    cash_day_id       BIGINT       NOT NULL,
    staff             VARCHAR(64)  NOT NULL,
    counted_fen       BIGINT       NOT NULL,
    handed_over_fen   BIGINT       NOT NULL,
    handed_over_to    VARCHAR(64)  NOT NULL,
    difference_reason VARCHAR(255) NULL,
    expected_fen      BIGINT       NULL,
    counted_by        VARCHAR(64)  NOT NULL,
    counted_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_cash_count UNIQUE (cash_day_id, staff),
    CONSTRAINT fk_cash_count_day FOREIGN KEY (cash_day_id) REFERENCES cash_day (id),
    CONSTRAINT ck_cash_count_amounts CHECK (counted_fen >= 0 AND handed_over_fen >= 0 AND handed_over_fen <= counted_fen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE payment ADD CONSTRAINT fk_payment_cash_day FOREIGN KEY (cash_day_id) REFERENCES cash_day (id);
ALTER TABLE prepaid_entry ADD CONSTRAINT fk_prepaid_entry_cash_day FOREIGN KEY (cash_day_id) REFERENCES cash_day (id);
CREATE INDEX idx_prepaid_entry_cash ON prepaid_entry (site_id, cash_day_id, cash_date);

-- An imported provider statement of an operator's merchant account (WECHAT or ALIPAY) and its lines, matched against our payments and top-ups.
CREATE TABLE provider_statement (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    operator_id BIGINT      NOT NULL,
    provider    VARCHAR(8)  NOT NULL,
    period_from DATE        NOT NULL,
    period_to   DATE        NOT NULL,
    imported_by VARCHAR(64) NOT NULL,
    imported_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_provider_statement_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT ck_provider_statement_provider CHECK (provider IN ('WECHAT', 'ALIPAY')),
    CONSTRAINT ck_provider_statement_period CHECK (period_to >= period_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE provider_statement_line (
    statement_id BIGINT      NOT NULL,
    line_no      INT         NOT NULL,
    reference    VARCHAR(64) NOT NULL,
    amount_fen   BIGINT      NOT NULL,
    paid_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (statement_id, line_no),
    CONSTRAINT fk_provider_statement_line FOREIGN KEY (statement_id) REFERENCES provider_statement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
