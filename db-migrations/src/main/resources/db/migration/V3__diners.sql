-- Diners (就餐老人): ID and phone numbers only encrypted (AES-GCM) with a keyed hash for look-up and
-- the masked form for lists; categories with evidence and validity; ability assessments; status
-- history; family accounts linked to the diners they act for.

CREATE TABLE diner (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    name              VARCHAR(64)  NOT NULL,
    id_number_enc     VARCHAR(128) NOT NULL,
    -- HMAC-SHA256 of the number under a key derived from ZHUCAN_PII_KEY: one diner per ID number
    id_number_hash    CHAR(64)     NOT NULL,
    id_number_masked  CHAR(18)     NOT NULL,
    birth_date        DATE         NOT NULL,
    sex               VARCHAR(8)   NOT NULL,
    phone_enc         VARCHAR(128) NULL,
    phone_masked      VARCHAR(32)  NULL,
    home_community_id BIGINT       NOT NULL,
    address           VARCHAR(255) NOT NULL,
    dietary_notes     VARCHAR(500) NULL,
    status            VARCHAR(16)  NOT NULL,
    status_since      DATE         NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_diner_id_number_hash UNIQUE (id_number_hash),
    CONSTRAINT fk_diner_home_community FOREIGN KEY (home_community_id) REFERENCES region (id),
    CONSTRAINT ck_diner_sex CHECK (sex IN ('MALE', 'FEMALE')),
    CONSTRAINT ck_diner_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DECEASED', 'MOVED_AWAY')),
    KEY idx_diner_home_community (home_community_id, id),
    KEY idx_diner_name (name, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diner_category (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    diner_id     BIGINT       NOT NULL,
    category     VARCHAR(24)  NOT NULL,
    evidence_ref VARCHAR(128) NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE         NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_diner_category_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_diner_category_category CHECK (category IN ('EXTREME_POVERTY', 'MIN_LIVING', 'LOW_INCOME_EDGE', 'DISABLED',
                                                               'LIVING_ALONE', 'SPECIAL_FAMILY', 'ENTITLED')),
    CONSTRAINT ck_diner_category_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
    KEY idx_diner_category_diner (diner_id, valid_from),
    KEY idx_diner_category_category (category, diner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ability_assessment (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    diner_id    BIGINT      NOT NULL,
    level       TINYINT     NOT NULL,
    assessed_on DATE        NOT NULL,
    assessor    VARCHAR(64) NOT NULL,
    recorded_by VARCHAR(64) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_ability_assessment_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_ability_assessment_level CHECK (level BETWEEN 0 AND 4),
    KEY idx_ability_assessment_diner (diner_id, assessed_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE diner_status_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    diner_id     BIGINT       NOT NULL,
    from_status  VARCHAR(16)  NULL,
    to_status    VARCHAR(16)  NOT NULL,
    effective_on DATE         NOT NULL,
    reason       VARCHAR(255) NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_diner_status_change_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_diner_status_change_to CHECK (to_status IN ('ACTIVE', 'SUSPENDED', 'DECEASED', 'MOVED_AWAY')),
    KEY idx_diner_status_change_diner (diner_id, effective_on, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A DINER-role account acting for the diners linked here (家属代办).
CREATE TABLE family_link (
    user_id    BIGINT      NOT NULL,
    diner_id   BIGINT      NOT NULL,
    relation   VARCHAR(32) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, diner_id),
    CONSTRAINT fk_family_link_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_family_link_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    KEY idx_family_link_diner (diner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
