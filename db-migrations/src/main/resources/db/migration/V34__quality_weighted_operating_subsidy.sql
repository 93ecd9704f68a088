-- Quality-weighted operating subsidy (绩效考核挂钩运营补贴, seed 002; Beijing and Huangpu practice):
-- a policy version may scale its per-diner-day operating subsidy by the band that the operator's
-- frozen evaluation score of the month falls in.

-- A band: from min_score (inclusive) up to the next band's min_score, the operating subsidy is paid at
-- percent_bp basis points (10000 = 100 %). Bands of a version start at 0 and are written with the
-- version; like the version they never change once published. The service checks their order and that
-- a better score never pays less; the database keeps each value in range.
CREATE TABLE subsidy_policy_score_band (
    policy_id  BIGINT NOT NULL,
    min_score  INT    NOT NULL,
    percent_bp INT    NOT NULL,
    PRIMARY KEY (policy_id, min_score),
    CONSTRAINT fk_subsidy_policy_score_band_policy FOREIGN KEY (policy_id) REFERENCES subsidy_policy (id),
    CONSTRAINT ck_subsidy_policy_score_band_score CHECK (min_score BETWEEN 0 AND 100),
    CONSTRAINT ck_subsidy_policy_score_band_percent CHECK (percent_bp BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An operating-subsidy line scaled by a score says which month's frozen score, the score, the band's
-- lower bound and the percentage it applied. evaluation_month is '' on every other line (as
-- diner_category is '' where no category applies), so the unique key still holds one line per site,
-- source and category there; a scaled line is one per site, source, month and percentage.
ALTER TABLE settlement_line
    ADD COLUMN evaluation_month VARCHAR(7)    NOT NULL DEFAULT '',
    ADD COLUMN evaluation_score DECIMAL(5, 2) NULL,
    ADD COLUMN band_min_score   INT           NULL,
    ADD COLUMN percent_bp       INT           NOT NULL DEFAULT 10000,
    ADD CONSTRAINT uk_settlement_line_scaled UNIQUE (statement_id, kind, site_id, source, diner_category, evaluation_month, percent_bp),
    ADD CONSTRAINT ck_settlement_line_scaled CHECK (
        (evaluation_month = '' AND evaluation_score IS NULL AND band_min_score IS NULL AND percent_bp = 10000)
        OR (evaluation_month <> '' AND kind = 'OPERATING_SUBSIDY' AND evaluation_score BETWEEN 0 AND 100
            AND band_min_score BETWEEN 0 AND 100 AND percent_bp BETWEEN 0 AND 10000));

ALTER TABLE settlement_line DROP INDEX uk_settlement_line;
