-- Canteen network: region paths for subtree queries, operator contacts and contracts, sites
-- with their slots, fulfilment and status history, and coverage targets.

-- Materialised path of division codes ('/410371000000/410371101000/'), so that "everything under
-- a region" is one indexed prefix match at any depth.
ALTER TABLE region ADD COLUMN path VARCHAR(255) NULL;
UPDATE region SET path = CONCAT('/', division_code, '/') WHERE parent_id IS NULL;
UPDATE region child JOIN region parent ON child.parent_id = parent.id
SET child.path = CONCAT(parent.path, child.division_code, '/')
WHERE child.path IS NULL AND parent.path IS NOT NULL;
UPDATE region child JOIN region parent ON child.parent_id = parent.id
SET child.path = CONCAT(parent.path, child.division_code, '/')
WHERE child.path IS NULL AND parent.path IS NOT NULL;
ALTER TABLE region MODIFY path VARCHAR(255) NOT NULL;
CREATE INDEX idx_region_path ON region (path);

ALTER TABLE operator
    ADD COLUMN contact_name  VARCHAR(64) NULL,
    ADD COLUMN contact_phone VARCHAR(32) NULL,
    ADD COLUMN updated_at    DATETIME(6) NULL;

-- 片区运营: an operator runs a district, or only the listed communities of it, for a period.
CREATE TABLE operator_contract (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    operator_id BIGINT      NOT NULL,
    district_id BIGINT      NOT NULL,
    valid_from  DATE        NOT NULL,
    valid_to    DATE        NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_operator_contract_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_operator_contract_district FOREIGN KEY (district_id) REFERENCES region (id),
    CONSTRAINT ck_operator_contract_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
    KEY idx_operator_contract_operator (operator_id, valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE operator_contract_community (
    contract_id  BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    PRIMARY KEY (contract_id, community_id),
    CONSTRAINT fk_contract_community_contract FOREIGN KEY (contract_id) REFERENCES operator_contract (id),
    CONSTRAINT fk_contract_community_region FOREIGN KEY (community_id) REFERENCES region (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE site (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(128)  NOT NULL,
    kind            VARCHAR(24)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    community_id    BIGINT        NOT NULL,
    operator_id     BIGINT        NOT NULL,
    address         VARCHAR(255)  NOT NULL,
    latitude        DECIMAL(9, 6) NULL,
    longitude       DECIMAL(9, 6) NULL,
    -- 食品经营许可证编号
    licence_number  VARCHAR(32)   NULL,
    supplied_by_id  BIGINT        NULL,
    planned_open_on DATE          NULL,
    opened_on       DATE          NULL,
    closed_on       DATE          NULL,
    status_reason   VARCHAR(255)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_site_community FOREIGN KEY (community_id) REFERENCES region (id),
    CONSTRAINT fk_site_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT fk_site_supplied_by FOREIGN KEY (supplied_by_id) REFERENCES site (id),
    CONSTRAINT ck_site_kind CHECK (kind IN ('CANTEEN', 'MEAL_POINT', 'DINING_TABLE', 'MUTUAL_AID_POINT', 'CENTRAL_KITCHEN')),
    CONSTRAINT ck_site_status CHECK (status IN ('PLANNED', 'BUILDING', 'OPERATING', 'SUSPENDED', 'CLOSED')),
    CONSTRAINT ck_site_latitude CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_site_longitude CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    KEY idx_site_community (community_id),
    KEY idx_site_operator (operator_id, id),
    KEY idx_site_status (status, id),
    KEY idx_site_location (latitude, longitude)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Meal slots a site serves, with serving hours and seats (dine-in capacity per slot).
CREATE TABLE site_slot (
    site_id     BIGINT      NOT NULL,
    slot        VARCHAR(16) NOT NULL,
    serves_from TIME        NOT NULL,
    serves_to   TIME        NOT NULL,
    seats       INT         NOT NULL,
    PRIMARY KEY (site_id, slot),
    CONSTRAINT fk_site_slot_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_site_slot_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_site_slot_hours CHECK (serves_to > serves_from),
    CONSTRAINT ck_site_slot_seats CHECK (seats >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How a site hands meals over; delivery carries a fee in fen.
CREATE TABLE site_fulfilment (
    site_id  BIGINT      NOT NULL,
    mode     VARCHAR(16) NOT NULL,
    fee_fen  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, mode),
    CONSTRAINT fk_site_fulfilment_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_site_fulfilment_mode CHECK (mode IN ('DINE_IN', 'PICKUP', 'DELIVERY')),
    CONSTRAINT ck_site_fulfilment_fee CHECK (fee_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every status a site has had, from the date it took effect: coverage for a past year reads it.
CREATE TABLE site_status_change (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    site_id      BIGINT       NOT NULL,
    from_status  VARCHAR(16)  NULL,
    to_status    VARCHAR(16)  NOT NULL,
    effective_on DATE         NOT NULL,
    reason       VARCHAR(255) NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_site_status_change_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_site_status_change_to CHECK (to_status IN ('PLANNED', 'BUILDING', 'OPERATING', 'SUSPENDED', 'CLOSED')),
    KEY idx_site_status_change_site (site_id, effective_on, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Targets are data (seed 001: 60% of village meal points operating in 2024, 80% in 2025;
-- seed 002: 40% of communities covered). Shares in basis points: 6000 = 60.00%.
CREATE TABLE coverage_target (
    region_id         BIGINT      NOT NULL,
    year              INT         NOT NULL,
    metric            VARCHAR(24) NOT NULL,
    target_basis_points INT       NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (region_id, year, metric),
    CONSTRAINT fk_coverage_target_region FOREIGN KEY (region_id) REFERENCES region (id),
    CONSTRAINT ck_coverage_target_metric CHECK (metric IN ('COVERAGE', 'OPERATING_RATE')),
    CONSTRAINT ck_coverage_target_share CHECK (target_basis_points BETWEEN 0 AND 10000),
    CONSTRAINT ck_coverage_target_year CHECK (year BETWEEN 2000 AND 2100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
