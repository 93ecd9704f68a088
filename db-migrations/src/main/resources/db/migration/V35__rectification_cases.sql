-- Rectification cases (整改, 优胜劣汰; seed 002: 绩效考核不达标的运营机构予以淘汰; seed 001: 对服务效能不强的
-- 运营方进行淘汰或整合). A low frozen evaluation score or a failed food-safety inspection opens a case
-- against the operator (and the site, where it concerns one); the district's civil-affairs
-- administrators take it through warning, rectification with a deadline, re-inspection and, as the
-- last step, termination of the operator's contract. Every step is a row of its own.

CREATE TABLE rectification_case (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    operator_id            BIGINT        NOT NULL,
    district_id            BIGINT        NOT NULL,
    site_id                BIGINT        NULL,
    cause                  VARCHAR(24)   NOT NULL,
    -- what opened it, once: 'EVALUATION:<district>:<yyyy-mm>:<operator>' or 'INSPECTION:<first inspection of
    -- the follow-up chain>'. The unique key keeps a second instance (or a second failed re-inspection of the
    -- same finding) from opening a second case for one cause.
    cause_key              VARCHAR(64)   NOT NULL,
    evaluation_month       DATE          NULL,
    score                  DECIMAL(5, 2) NULL,
    threshold              DECIMAL(5, 2) NULL,
    inspection_id          BIGINT        NULL,
    status                 VARCHAR(24)   NOT NULL,
    rectification_due      DATE          NULL,
    operator_report        VARCHAR(2000) NULL,
    reported_at            DATETIME(6)   NULL,
    terminated_contract_id BIGINT        NULL,
    opened_at              DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_rectification_case_cause UNIQUE (cause_key),
    CONSTRAINT fk_rectification_case_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_rectification_case_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT fk_rectification_case_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_rectification_case_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
    CONSTRAINT fk_rectification_case_contract FOREIGN KEY (terminated_contract_id) REFERENCES operator_contract (id),
    CONSTRAINT ck_rectification_case_cause CHECK (
        (cause = 'LOW_SCORE' AND evaluation_month IS NOT NULL AND score IS NOT NULL AND threshold IS NOT NULL AND inspection_id IS NULL)
        OR (cause = 'FAILED_INSPECTION' AND inspection_id IS NOT NULL AND site_id IS NOT NULL AND evaluation_month IS NULL)),
    CONSTRAINT ck_rectification_case_status CHECK (status IN
        ('OPEN', 'WARNED', 'RECTIFYING', 'REINSPECTION_FAILED', 'RECTIFIED', 'TERMINATED', 'CLOSED')),
    -- a rectification under way always has its deadline; a terminated case names the contract it ended
    CONSTRAINT ck_rectification_case_due CHECK (status <> 'RECTIFYING' OR rectification_due IS NOT NULL),
    CONSTRAINT ck_rectification_case_terminated CHECK ((status = 'TERMINATED') = (terminated_contract_id IS NOT NULL)),
    KEY idx_rectification_case_operator (operator_id, id),
    KEY idx_rectification_case_district (district_id, id),
    KEY idx_rectification_case_status (status, rectification_due)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The case's history, append-only: who moved it, when, from which status to which, with the note,
-- the deadline set and the operator's report.
CREATE TABLE rectification_step (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    case_id       BIGINT        NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    status_before VARCHAR(24)   NULL,
    status_after  VARCHAR(24)   NOT NULL,
    note          VARCHAR(2000) NULL,
    due           DATE          NULL,
    actor         VARCHAR(64)   NOT NULL,
    acted_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rectification_step_case FOREIGN KEY (case_id) REFERENCES rectification_case (id),
    CONSTRAINT ck_rectification_step_kind CHECK (kind IN ('OPENED', 'WARNING_ISSUED', 'RECTIFICATION_ORDERED', 'REPORT_SUBMITTED',
        'REINSPECTION_PASSED', 'REINSPECTION_FAILED', 'CONTRACT_TERMINATED', 'CLOSED')),
    KEY idx_rectification_step_case (case_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
