-- Issue 19, point 2: a death or move-out recorded late flags the meals served after it
-- (AFTER_DEATH, AFTER_MOVE_OUT) and tells the family through notices.
-- DROP CONSTRAINT for a CHECK works on MySQL 8.0.19+ and MariaDB 10.2+ alike.
ALTER TABLE meal_record_flag DROP CONSTRAINT ck_meal_record_flag_code;
ALTER TABLE meal_record_flag ADD CONSTRAINT ck_meal_record_flag_code
    CHECK (code IN ('TWO_SITES_WITHIN_HOUR', 'DINER_NOT_ACTIVE', 'OUTSIDE_SERVING_HOURS', 'AFTER_DEATH', 'AFTER_MOVE_OUT'));

-- A notice to a diner's family accounts (家属通知): what happened to the diner's bookings or meals.
-- Addressed to the diner, so that every account linked to the diner reads it, also one linked later.
-- Never holds an ID or phone number: the text names dates, slots, sites and reasons only.
CREATE TABLE notice (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    diner_id   BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    title      VARCHAR(128)  NOT NULL,
    body       VARCHAR(1024) NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_notice_diner (diner_id, id),
    CONSTRAINT fk_notice_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT ck_notice_kind CHECK (kind IN ('BOOKING_CANCELLED', 'RECURRING_BOOKING_ENDED', 'SUBSIDY_WITHDRAWN', 'STATUS_CORRECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who has read a notice, and when: one row per notice and account.
CREATE TABLE notice_read (
    notice_id BIGINT      NOT NULL,
    username  VARCHAR(64) NOT NULL,
    read_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (notice_id, username),
    CONSTRAINT fk_notice_read_notice FOREIGN KEY (notice_id) REFERENCES notice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
