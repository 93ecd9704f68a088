-- A month's operator evaluation is frozen when the month closes (考核结果冻结, seed 002 绩效考核):
-- late voids and ratings of a closed month no longer move its scores or ranks, and what a
-- quality-weighted settlement or a case rests on stays as it was published.

-- One row per district and month closed; its primary key makes a second close (from any instance)
-- fail rather than freeze twice. The weights applied are kept with it.
CREATE TABLE evaluation_close (
    district_id    BIGINT      NOT NULL,
    month          DATE        NOT NULL,
    scored_from    DATE        NOT NULL,
    scored_to      DATE        NOT NULL,
    weights        TEXT        NOT NULL,
    operator_count INT         NOT NULL,
    closed_by      VARCHAR(64) NOT NULL,
    closed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (district_id, month),
    CONSTRAINT fk_evaluation_close_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_evaluation_close_month CHECK (DAYOFMONTH(month) = 1),
    CONSTRAINT ck_evaluation_close_operators CHECK (operator_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each operator's frozen row: rank, score (two decimals, null when nothing could be scored), and the
-- measures as they were (JSON, read back as they were written).
CREATE TABLE frozen_evaluation (
    district_id  BIGINT        NOT NULL,
    month        DATE          NOT NULL,
    operator_id  BIGINT        NOT NULL,
    ranking      INT           NULL,
    score        DECIMAL(5, 2) NULL,
    sites        INT           NOT NULL,
    meals_served INT           NOT NULL,
    metrics      TEXT          NOT NULL,
    PRIMARY KEY (district_id, month, operator_id),
    CONSTRAINT fk_frozen_evaluation_close FOREIGN KEY (district_id, month) REFERENCES evaluation_close (district_id, month),
    CONSTRAINT fk_frozen_evaluation_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT ck_frozen_evaluation_score CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    CONSTRAINT ck_frozen_evaluation_rank CHECK (ranking IS NULL OR ranking >= 1),
    KEY idx_frozen_evaluation_operator (operator_id, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
