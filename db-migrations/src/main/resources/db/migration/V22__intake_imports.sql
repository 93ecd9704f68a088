-- Intake imports (名册导入, 状态导入; issue 19): a roster of diners or a feed of deaths and moves-out, uploaded as
-- a file, checked row by row in a dry run, then committed, each phase a job with status and progress. A job is
-- run by the instance holding its lease (lease_owner, lease_until, renewed as it works); a sweeper on any
-- instance takes over a job whose lease ran out. The job acts as the account that started its phase (actor_*).
-- Nothing here holds an ID or phone number in clear: the file is kept encrypted in chunks until committed, and
-- each staged row holds its ID number encrypted with its look-up hash and the row's values encrypted.

CREATE TABLE intake_import (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    kind             VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    file_name        VARCHAR(255) NOT NULL,
    file_format      VARCHAR(8)   NOT NULL,
    -- the path of the uploader's region; NULL for a national administrator: who else may read the import
    scope_path       VARCHAR(255) NULL,
    rows_total       INT          NOT NULL DEFAULT 0,
    rows_done        INT          NOT NULL DEFAULT 0,
    new_count        INT          NOT NULL DEFAULT 0,
    update_count     INT          NOT NULL DEFAULT 0,
    unchanged_count  INT          NOT NULL DEFAULT 0,
    error_count      INT          NOT NULL DEFAULT 0,
    committed_count  INT          NOT NULL DEFAULT 0,
    uploaded_by      VARCHAR(64)  NOT NULL,
    committed_by     VARCHAR(64)  NULL,
    actor_username   VARCHAR(64)  NOT NULL,
    actor_name       VARCHAR(64)  NULL,
    actor_roles      VARCHAR(128) NOT NULL,
    actor_region_id  BIGINT       NULL,
    lease_owner      VARCHAR(64)  NULL,
    lease_until      DATETIME(3)  NULL,
    failure_reason   VARCHAR(255) NULL,
    created_at       DATETIME(6)  NOT NULL,
    validated_at     DATETIME(6)  NULL,
    committed_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_intake_import_kind CHECK (kind IN ('ROSTER', 'STATUS_FEED')),
    CONSTRAINT ck_intake_import_status CHECK (status IN ('UPLOADED', 'VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED',
                                                        'FAILED', 'CANCELLED')),
    CONSTRAINT ck_intake_import_format CHECK (file_format IN ('CSV', 'XLSX')),
    KEY idx_intake_import_status (status, lease_until),
    KEY idx_intake_import_scope (scope_path, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The uploaded file, encrypted, in chunks of at most 1 MB (before encryption); deleted once the import is committed.
CREATE TABLE intake_file_chunk (
    import_id BIGINT   NOT NULL,
    seq       INT      NOT NULL,
    content   LONGTEXT NOT NULL,
    PRIMARY KEY (import_id, seq),
    CONSTRAINT fk_intake_file_chunk_import FOREIGN KEY (import_id) REFERENCES intake_import (id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE TABLE intake_row (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    import_id        BIGINT       NOT NULL,
    row_no       INT          NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    id_number_hash   CHAR(64)     NULL,
    id_number_masked CHAR(18)     NULL,
    diner_id         BIGINT       NULL,
    -- the row's checked values as JSON, encrypted (AES-GCM); NULL for a row in error
    payload_enc      TEXT         NULL,
    committed_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_intake_row UNIQUE (import_id, row_no),
    CONSTRAINT fk_intake_row_import FOREIGN KEY (import_id) REFERENCES intake_import (id),
    CONSTRAINT ck_intake_row_outcome CHECK (outcome IN ('NEW', 'UPDATE', 'UNCHANGED', 'ERROR')),
    KEY idx_intake_row_pending (import_id, outcome, committed_at, row_no),
    KEY idx_intake_row_hash (import_id, id_number_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Why a row is in error: its column and a reason that never quotes the value.
CREATE TABLE intake_row_error (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    import_id   BIGINT       NOT NULL,
    row_no  INT          NOT NULL,
    column_name VARCHAR(32)  NOT NULL,
    reason      VARCHAR(255) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_intake_row_error_import FOREIGN KEY (import_id) REFERENCES intake_import (id),
    KEY idx_intake_row_error_import (import_id, row_no, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
