-- Applications, review and publicity (申请—审核—公示, issue 19 point 3). A family, the hotline or street staff
-- submit a diner's claim to categories (UNDER_REVIEW); street staff (or ADMIN) approve it, which publishes it for
-- a publicity period from the day after (IN_PUBLICITY), or reject it with a reason (REJECTED). An objection during
-- the period sends it back to UNDER_REVIEW; a period that ends without one makes it EFFECTIVE and grants the
-- categories (diner_category.source = 'APPLICATION', source_ref = application_no). The job that does so claims
-- each application by a conditional UPDATE, so every instance may run it at once.

CREATE TABLE subsidy_application (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    application_no    VARCHAR(32)  NULL,
    diner_id          BIGINT       NOT NULL,
    -- the diner's home community when submitted: what scope and the publicity list read
    community_id      BIGINT       NOT NULL,
    -- the diner's name masked (王*兰), as the publicity list shows it; the full name is never copied here
    diner_name_masked VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    call_reference    VARCHAR(64)  NULL,
    note              VARCHAR(500) NULL,
    submitted_by      VARCHAR(64)  NOT NULL,
    submitted_at      DATETIME(6)  NOT NULL,
    reviewed_by       VARCHAR(64)  NULL,
    reviewed_at       DATETIME(6)  NULL,
    review_reason     VARCHAR(500) NULL,
    publicity_from    DATE         NULL,
    publicity_to      DATE         NULL,
    effective_at      DATETIME(6)  NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_subsidy_application_no UNIQUE (application_no),
    CONSTRAINT fk_subsidy_application_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_subsidy_application_community FOREIGN KEY (community_id) REFERENCES region (id),
    CONSTRAINT ck_subsidy_application_status CHECK (status IN ('UNDER_REVIEW', 'REJECTED', 'IN_PUBLICITY', 'EFFECTIVE')),
    CONSTRAINT ck_subsidy_application_channel CHECK (channel IN ('FAMILY', 'HOTLINE', 'STREET', 'CONSOLE')),
    CONSTRAINT ck_subsidy_application_publicity CHECK ((status NOT IN ('IN_PUBLICITY', 'EFFECTIVE') OR publicity_from IS NOT NULL)
                                                        AND (publicity_from IS NULL) = (publicity_to IS NULL)
                                                        AND (publicity_to IS NULL OR publicity_to >= publicity_from)),
    KEY idx_subsidy_application_diner (diner_id),
    KEY idx_subsidy_application_status (status, publicity_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The categories an application claims, each with its evidence and dates.
CREATE TABLE subsidy_application_claim (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    application_id BIGINT      NOT NULL,
    category       VARCHAR(32) NOT NULL,
    evidence_ref   VARCHAR(64) NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_to       DATE        NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_subsidy_application_claim_application FOREIGN KEY (application_id) REFERENCES subsidy_application (id),
    CONSTRAINT ck_subsidy_application_claim_category CHECK (category IN ('EXTREME_POVERTY', 'MIN_LIVING', 'LOW_INCOME_EDGE', 'DISABLED',
                                                                         'DEMENTIA', 'LIVING_ALONE', 'LEFT_BEHIND', 'SPECIAL_FAMILY',
                                                                         'ENTITLED')),
    CONSTRAINT ck_subsidy_application_claim_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
    KEY idx_subsidy_application_claim_application (application_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every status change of an application, with who, when and why: the application's history.
CREATE TABLE subsidy_application_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    application_id BIGINT       NOT NULL,
    event          VARCHAR(16)  NOT NULL,
    from_status    VARCHAR(16)  NULL,
    to_status      VARCHAR(16)  NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    happened_at    DATETIME(6)  NOT NULL,
    reason         VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_subsidy_application_event_application FOREIGN KEY (application_id) REFERENCES subsidy_application (id),
    CONSTRAINT ck_subsidy_application_event CHECK (event IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'OBJECTED', 'EFFECTIVE')),
    KEY idx_subsidy_application_event_application (application_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Objections to a published application (公示异议): anyone may raise one, anonymously too. A contact (a phone)
-- is kept encrypted, and masked for the reviewers.
CREATE TABLE subsidy_application_objection (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    application_id BIGINT       NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    contact_enc    VARCHAR(255) NULL,
    contact_masked VARCHAR(32)  NULL,
    objected_by    VARCHAR(64)  NULL,
    objected_at    DATETIME(6)  NOT NULL,
    publicity_from DATE         NOT NULL,
    publicity_to   DATE         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_subsidy_application_objection_application FOREIGN KEY (application_id) REFERENCES subsidy_application (id),
    CONSTRAINT ck_subsidy_application_objection_contact CHECK ((contact_enc IS NULL) = (contact_masked IS NULL)),
    KEY idx_subsidy_application_objection_application (application_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
