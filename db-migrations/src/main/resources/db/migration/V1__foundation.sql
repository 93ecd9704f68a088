-- Foundation: the administrative tree, operators, accounts and the audit log.
-- Runs on MySQL 8.0+ and MariaDB 10.11+ alike: no procedures, triggers or events.
-- Instants are stored as DATETIME(6) in UTC (the application sets the session time zone).

CREATE TABLE region (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id     BIGINT       NULL,
    division_code CHAR(12)     NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    level         VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_region_division_code UNIQUE (division_code),
    CONSTRAINT fk_region_parent FOREIGN KEY (parent_id) REFERENCES region (id),
    CONSTRAINT ck_region_level CHECK (level IN ('DISTRICT', 'SUBDISTRICT', 'TOWN', 'COMMUNITY', 'VILLAGE')),
    CONSTRAINT ck_region_division_code CHECK (division_code REGEXP '^[0-9]{12}$'),
    KEY idx_region_parent (parent_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE operator (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(128) NOT NULL,
    -- 统一社会信用代码 (GB 32100): 18 characters, the last a check character
    credit_code CHAR(18)     NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_operator_credit_code UNIQUE (credit_code),
    CONSTRAINT ck_operator_credit_code CHECK (credit_code REGEXP '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    CONSTRAINT ck_operator_kind CHECK (kind IN ('STATE_PLATFORM', 'CATERING_ENTERPRISE', 'SOCIAL_ORGANISATION', 'VILLAGE_COLLECTIVE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    -- scope: the operator an OPERATOR account acts for; the region FINANCE and INSPECTOR accounts see
    operator_id   BIGINT       NULL,
    region_id     BIGINT       NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_app_user_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_app_user_role_role CHECK (role IN ('ADMIN', 'FINANCE', 'OPERATOR', 'INSPECTOR', 'DINER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only record of changes: who, when, what, before and after.
CREATE TABLE audit_log (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    occurred_at  DATETIME(6) NOT NULL,
    actor        VARCHAR(64) NOT NULL,
    action       VARCHAR(64) NOT NULL,
    entity_type  VARCHAR(64) NOT NULL,
    entity_id    VARCHAR(64) NOT NULL,
    before_state JSON        NULL,
    after_state  JSON        NULL,
    PRIMARY KEY (id),
    KEY idx_audit_log_entity (entity_type, entity_id, id),
    KEY idx_audit_log_actor (actor, id),
    KEY idx_audit_log_occurred_at (occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
