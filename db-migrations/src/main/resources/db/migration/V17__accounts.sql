-- Accounts without SQL (issue 18, points 1 and 5).
-- A password set by someone else (an administrator's reset, a new account, the bootstrap
-- administrator) must be changed by the account at its next login: until then its tokens say so
-- and every operation but changePassword and me is refused (PASSWORD_CHANGE_REQUIRED).
ALTER TABLE app_user
    ADD COLUMN password_change_required BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN password_changed_at      DATETIME(6) NULL;

-- A one-time code that lets a family member act for a diner (家属邀请码). Only the code's SHA-256
-- is kept; the code itself is shown once, to the staff member who issued it.
CREATE TABLE family_invitation (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    diner_id        BIGINT      NOT NULL,
    code_hash       CHAR(64)    NOT NULL,
    relation        VARCHAR(32) NOT NULL,
    issued_by       VARCHAR(64) NOT NULL,
    issued_at       DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    redeemed_at     DATETIME(6) NULL,
    redeemed_by     BIGINT      NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_family_invitation_code UNIQUE (code_hash),
    CONSTRAINT fk_family_invitation_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_family_invitation_user FOREIGN KEY (redeemed_by) REFERENCES app_user (id),
    CONSTRAINT ck_family_invitation_expiry CHECK (expires_at > issued_at),
    CONSTRAINT ck_family_invitation_redeemed CHECK ((redeemed_at IS NULL) = (redeemed_by IS NULL)),
    KEY idx_family_invitation_diner (diner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
