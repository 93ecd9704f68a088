-- Operator contracts carry weight (issue 24.1, seed 002 片区运营): a site is assigned only to an
-- operator under a contract covering its community on the day; contracts are amended and ended;
-- two contracts never cover one community on one day.

-- Why a contract ended early (终止原因), and its version for optimistic amendment.
ALTER TABLE operator_contract
    ADD COLUMN end_reason VARCHAR(255) NULL,
    ADD COLUMN note       VARCHAR(255) NULL,
    ADD COLUMN version    INT          NOT NULL DEFAULT 0,
    ADD COLUMN updated_at DATETIME(6)  NULL;

CREATE INDEX idx_operator_contract_district ON operator_contract (district_id, valid_from);

-- One row per district, locked (SELECT ... FOR UPDATE) by every change of a contract in it before
-- the overlap check: two administrators assigning the same community at once take turns, so the
-- second sees the first's contract and is refused. Whole-district contracts overlap every community,
-- so the district is the unit of the lock. No trigger or procedure: the lock row is plain data.
CREATE TABLE operator_contract_lock (
    district_id BIGINT NOT NULL,
    PRIMARY KEY (district_id),
    CONSTRAINT fk_operator_contract_lock_district FOREIGN KEY (district_id) REFERENCES region (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Existing deployments: every operator running a site in a district where it holds no contract gets
-- one for the communities of its sites there, open-ended from 2000, so that today's assignments stay
-- valid. (On a fresh database there are no sites yet and this adds nothing.)
INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at)
SELECT DISTINCT s.operator_id, d.id, DATE '2000-01-01', NULL, 'V31: the communities of its sites', UTC_TIMESTAMP(6)
FROM site s
JOIN region c ON c.id = s.community_id
JOIN region d ON d.level = 'DISTRICT' AND c.path LIKE CONCAT(d.path, '%')
WHERE NOT EXISTS (SELECT 1 FROM operator_contract oc WHERE oc.operator_id = s.operator_id AND oc.district_id = d.id);

INSERT INTO operator_contract_community (contract_id, community_id)
SELECT DISTINCT oc.id, s.community_id
FROM operator_contract oc
JOIN region d ON d.id = oc.district_id
JOIN site s ON s.operator_id = oc.operator_id
JOIN region c ON c.id = s.community_id AND c.path LIKE CONCAT(d.path, '%')
WHERE oc.note = 'V31: the communities of its sites';

-- A site's hand-over from one operator to another (站点交接), from a day on. The site row keeps the
-- last one (operator_since, previous_operator_id) so that a meal recorded late, offline, is still
-- the operator's that ran the site on the meal's day, without a look-up on the counter's path; the
-- history keeps them all, for the evaluation of a month that saw a hand-over.
ALTER TABLE site
    ADD COLUMN operator_since       DATE   NULL,
    ADD COLUMN previous_operator_id BIGINT NULL,
    ADD CONSTRAINT fk_site_previous_operator FOREIGN KEY (previous_operator_id) REFERENCES operator (id),
    ADD CONSTRAINT ck_site_handover CHECK ((operator_since IS NULL) = (previous_operator_id IS NULL));

CREATE TABLE site_operator_change (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    site_id          BIGINT       NOT NULL,
    from_operator_id BIGINT       NOT NULL,
    to_operator_id   BIGINT       NOT NULL,
    effective_on     DATE         NOT NULL,
    changed_by       VARCHAR(64)  NOT NULL,
    changed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_site_operator_change_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_site_operator_change_from FOREIGN KEY (from_operator_id) REFERENCES operator (id),
    CONSTRAINT fk_site_operator_change_to FOREIGN KEY (to_operator_id) REFERENCES operator (id),
    CONSTRAINT ck_site_operator_change_differs CHECK (from_operator_id <> to_operator_id),
    KEY idx_site_operator_change_site (site_id, effective_on, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
