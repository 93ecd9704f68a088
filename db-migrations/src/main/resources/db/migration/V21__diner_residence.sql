-- Where a diner belongs, with history (户籍与常住): HOUSEHOLD, the community of the household
-- registration (户籍), which decides the subsidy policy and the street staff's scope; RESIDENCE, the
-- community where the diner actually lives and eats (常住), which decides where demand coverage counts
-- the diner. Each kind is a chain of entries: an entry holds from valid_from to valid_to (inclusive),
-- the open one (valid_to NULL) is the current one, and a move closes it the day before the new one
-- begins, so a move never rewrites the past. diner.home_community_id and diner.address stay the
-- current HOUSEHOLD entry (kept in sync by the diner feature): the registry's scope rules read them.
CREATE TABLE diner_residence (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    diner_id     BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    community_id BIGINT       NOT NULL,
    address      VARCHAR(255) NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE         NULL,
    reason       VARCHAR(255) NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    -- 1 while the entry is open, NULL once closed: with the unique key below, one current entry per diner and kind
    open_entry   TINYINT AS (CASE WHEN valid_to IS NULL THEN 1 ELSE NULL END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uk_diner_residence_open UNIQUE (diner_id, kind, open_entry),
    CONSTRAINT uk_diner_residence_start UNIQUE (diner_id, kind, valid_from),
    CONSTRAINT fk_diner_residence_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_diner_residence_community FOREIGN KEY (community_id) REFERENCES region (id),
    CONSTRAINT ck_diner_residence_kind CHECK (kind IN ('HOUSEHOLD', 'RESIDENCE')),
    CONSTRAINT ck_diner_residence_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
    KEY idx_diner_residence_community (community_id, kind, valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every diner registered so far lives where the household is registered, since registration: the
-- first status change (registration makes the diner ACTIVE), or the day the row was created.
INSERT INTO diner_residence (diner_id, kind, community_id, address, valid_from, valid_to, reason, recorded_by, recorded_at)
SELECT d.id, k.kind, d.home_community_id, d.address,
       COALESCE((SELECT MIN(s.effective_on) FROM diner_status_change s WHERE s.diner_id = d.id), DATE(d.created_at)),
       NULL, NULL, 'system:V21', d.created_at
FROM diner d
CROSS JOIN (SELECT 'HOUSEHOLD' AS kind UNION ALL SELECT 'RESIDENCE' AS kind) k;
