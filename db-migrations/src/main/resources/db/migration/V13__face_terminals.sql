-- Face terminals (人脸识别终端): the counter devices whose signed tokens make a FACE verification.
-- ADMIN registers a terminal to a site; the server generates its 256-bit key, shows it once, and
-- keeps it only encrypted. A token counts only when an ACTIVE terminal of the meal's site signed it
-- with a key version that was in force when it was signed (org.zhucan.device.FaceTerminalService).

CREATE TABLE face_terminal (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    site_id         BIGINT       NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    serial_number   VARCHAR(64)  NOT NULL,
    -- ACTIVE, or DISABLED (for good: nothing it signed counts any more, not even earlier tokens)
    status          VARCHAR(16)  NOT NULL,
    -- the version of its current key, the one face_terminal_key row whose retired_at is NULL
    key_version     INT          NOT NULL,
    registered_by   VARCHAR(64)  NOT NULL,
    registered_at   DATETIME(6)  NOT NULL,
    disabled_by     VARCHAR(64)  NULL,
    disabled_at     DATETIME(6)  NULL,
    disabled_reason VARCHAR(255) NULL,
    -- 1 while ACTIVE: one active terminal per serial number, and a disabled device may be registered again
    serial_claim    TINYINT AS (CASE WHEN status = 'ACTIVE' THEN 1 ELSE NULL END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uk_face_terminal_serial UNIQUE (serial_number, serial_claim),
    KEY ix_face_terminal_site (site_id),
    CONSTRAINT fk_face_terminal_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_face_terminal_status CHECK (status IN ('ACTIVE', 'DISABLED')),
    CONSTRAINT ck_face_terminal_disabled CHECK ((status = 'DISABLED') = (disabled_at IS NOT NULL)),
    CONSTRAINT ck_face_terminal_key_version CHECK (key_version >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A terminal's keys, one row per version. Version n verifies tokens signed from its created_at (less
-- five minutes of device clock skew) until its retired_at, the moment ADMIN rotated to n + 1: offline
-- records signed before a rotation still upload, tokens signed after it with the old key do not.
CREATE TABLE face_terminal_key (
    terminal_id BIGINT       NOT NULL,
    version     INT          NOT NULL,
    -- the key (64 hex digits) sealed with AES-256-GCM under ZHUCAN_PII_KEY (PersonalDataCipher's v1: form):
    -- a copy of the database alone cannot sign tokens
    secret      VARCHAR(255) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    retired_at  DATETIME(6)  NULL,
    PRIMARY KEY (terminal_id, version),
    CONSTRAINT fk_face_terminal_key_terminal FOREIGN KEY (terminal_id) REFERENCES face_terminal (id),
    CONSTRAINT ck_face_terminal_key_period CHECK (retired_at IS NULL OR retired_at >= created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A face token counts for one meal. A meal verified by a terminal's token keeps
-- 'zf1 sha256:<64 hex digits of the token's SHA-256> terminal <id> key <version>' as its
-- verification_note; while that meal stands, its digest is claimed here, so a captured token cannot
-- be logged or uploaded for a second meal. A void frees it (the meal no longer counts), and a
-- correction reverses the original before its replacement takes the same evidence. Notes of the
-- older free-form tokens do not start with 'zf1 ' and claim nothing. VIRTUAL, because a STORED
-- column cannot be added to an existing table on TiDB; MySQL 8 and MariaDB index it alike.
ALTER TABLE meal_record
    ADD COLUMN face_token_claim CHAR(64) AS (CASE WHEN kind = 'MEAL' AND verification = 'FACE' AND reversed_by_id IS NULL
                                                       AND verification_note LIKE 'zf1 sha256:%'
                                                  THEN SUBSTRING(verification_note, 12, 64) ELSE NULL END) VIRTUAL,
    ADD CONSTRAINT uk_meal_record_face_token UNIQUE (face_token_claim);
