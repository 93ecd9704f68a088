-- Issue 21: home delivery (送餐上门), care alerts (关爱提醒), visits (探访) and volunteers (志愿者).

-- A meal delivered to the diner's home is recorded with the DELIVERY verification (the courier's proof).
ALTER TABLE meal_record DROP CONSTRAINT ck_meal_record_verification;
ALTER TABLE meal_record ADD CONSTRAINT ck_meal_record_verification
    CHECK (verification IN ('ID_CARD', 'FACE', 'DINER_QR', 'STAFF_PROXY', 'FAMILY_PICKUP', 'DELIVERY'));

-- Where a diner's meals are delivered, for routing. A home's position is personal data: the
-- coordinates are stored as AES-GCM ciphertext ("lat,lng") and opened only by the delivery service.
CREATE TABLE diner_home_location (
    diner_id           BIGINT       NOT NULL,
    location_encrypted VARCHAR(512) NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (diner_id),
    CONSTRAINT fk_diner_home_location_diner FOREIGN KEY (diner_id) REFERENCES diner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 老年志愿者登记: a registered helper in a subdistrict or town; may be linked to a login account.
CREATE TABLE volunteer (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    name            VARCHAR(64)  NOT NULL,
    phone_encrypted VARCHAR(256) NOT NULL,
    phone_masked    VARCHAR(32)  NOT NULL,
    region_id       BIGINT       NOT NULL,
    username        VARCHAR(64)  NULL,
    registered_by   VARCHAR(64)  NOT NULL,
    registered_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_volunteer_username UNIQUE (username),
    KEY ix_volunteer_region (region_id),
    CONSTRAINT fk_volunteer_region FOREIGN KEY (region_id) REFERENCES region (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A courier's run for a site, date and slot: a staff account or a registered volunteer, never both.
CREATE TABLE delivery_run (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    site_id          BIGINT      NOT NULL,
    service_date     DATE        NOT NULL,
    slot             VARCHAR(16) NOT NULL,
    courier_username VARCHAR(64) NULL,
    volunteer_id     BIGINT      NULL,
    capacity         INT         NOT NULL,
    created_by       VARCHAR(64) NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_delivery_run_slot (site_id, service_date, slot),
    CONSTRAINT fk_delivery_run_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_delivery_run_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT ck_delivery_run_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_delivery_run_courier CHECK ((courier_username IS NULL) <> (volunteer_id IS NULL)),
    CONSTRAINT ck_delivery_run_capacity CHECK (capacity BETWEEN 1 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A stop of a run: one delivery booking (a booking is on one run at most), its place in the route,
-- and once confirmed the proof (time, distance from the home or the reason there is none, pickup
-- code or photo), the wellness check, and the meal record a delivered stop became.
CREATE TABLE delivery_stop (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    run_id            BIGINT       NOT NULL,
    booking_id        BIGINT       NOT NULL,
    diner_id          BIGINT       NOT NULL,
    position          INT          NOT NULL,
    -- the booking's pickup code, which the diner tells the courier as proof of delivery
    pickup_code       CHAR(6)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    confirmed_at      DATETIME(6)  NULL,
    confirmed_by      VARCHAR(64)  NULL,
    distance_metres   INT          NULL,
    position_reason   VARCHAR(255) NULL,
    pickup_code_given BOOLEAN      NOT NULL DEFAULT FALSE,
    photo_ref         VARCHAR(255) NULL,
    failure_reason    VARCHAR(16)  NULL,
    failure_note      VARCHAR(255) NULL,
    wellness          VARCHAR(16)  NULL,
    wellness_note     VARCHAR(500) NULL,
    meal_record_id    BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_delivery_stop_booking UNIQUE (booking_id),
    KEY ix_delivery_stop_run (run_id, position),
    KEY ix_delivery_stop_diner (diner_id, confirmed_at),
    CONSTRAINT fk_delivery_stop_run FOREIGN KEY (run_id) REFERENCES delivery_run (id),
    CONSTRAINT fk_delivery_stop_booking FOREIGN KEY (booking_id) REFERENCES booking (id),
    CONSTRAINT fk_delivery_stop_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_delivery_stop_meal_record FOREIGN KEY (meal_record_id) REFERENCES meal_record (id),
    CONSTRAINT ck_delivery_stop_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    CONSTRAINT ck_delivery_stop_failure CHECK (failure_reason IS NULL OR failure_reason IN ('NOBODY_HOME', 'REFUSED', 'OTHER')),
    CONSTRAINT ck_delivery_stop_wellness CHECK (wellness IS NULL OR wellness IN ('NORMAL', 'CONCERN', 'NO_ANSWER')),
    -- a delivered stop has its meal record; a failed one a reason and none; a pending one nothing yet
    CONSTRAINT ck_delivery_stop_outcome CHECK (
        (status = 'PENDING' AND confirmed_at IS NULL AND meal_record_id IS NULL AND failure_reason IS NULL)
        OR (status = 'DELIVERED' AND confirmed_at IS NOT NULL AND meal_record_id IS NOT NULL AND failure_reason IS NULL
            AND wellness IS NOT NULL)
        OR (status = 'FAILED' AND confirmed_at IS NOT NULL AND meal_record_id IS NULL AND failure_reason IS NOT NULL
            AND wellness IS NOT NULL)),
    CONSTRAINT ck_delivery_stop_position CHECK (distance_metres IS NOT NULL OR position_reason IS NOT NULL OR status = 'PENDING')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 关爱提醒: to the diner's street staff and family. At most one alert of a kind is open per diner
-- (open_key is NULL once closed): raising it again, from any instance at once, finds the open one.
CREATE TABLE care_alert (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    diner_id        BIGINT        NOT NULL,
    kind            VARCHAR(24)   NOT NULL,
    detail          VARCHAR(500)  NOT NULL,
    stop_id         BIGINT        NULL,
    status          VARCHAR(16)   NOT NULL,
    open_key        TINYINT AS (CASE WHEN status = 'CLOSED' THEN NULL ELSE 1 END) STORED,
    raised_by       VARCHAR(64)   NOT NULL,
    raised_at       DATETIME(6)   NOT NULL,
    acknowledged_by VARCHAR(64)   NULL,
    acknowledged_at DATETIME(6)   NULL,
    outcome         VARCHAR(500)  NULL,
    closed_by       VARCHAR(64)   NULL,
    closed_at       DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_care_alert_open UNIQUE (diner_id, kind, open_key),
    KEY ix_care_alert_status (status, id),
    CONSTRAINT fk_care_alert_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_care_alert_stop FOREIGN KEY (stop_id) REFERENCES delivery_stop (id),
    CONSTRAINT ck_care_alert_kind CHECK (kind IN ('WELLNESS_CONCERN', 'NO_ANSWER', 'STOPPED_EATING')),
    CONSTRAINT ck_care_alert_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    CONSTRAINT ck_care_alert_closed CHECK ((status = 'CLOSED') = (outcome IS NOT NULL AND closed_at IS NOT NULL)),
    CONSTRAINT ck_care_alert_acknowledged CHECK (status = 'OPEN' OR acknowledged_at IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was done about an alert, in order.
CREATE TABLE care_alert_follow_up (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id    BIGINT       NOT NULL,
    note        VARCHAR(500) NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_care_alert_follow_up_alert (alert_id, id),
    CONSTRAINT fk_care_alert_follow_up_alert FOREIGN KEY (alert_id) REFERENCES care_alert (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 上门探访: who visited a diner, when, for how long and with what outcome.
CREATE TABLE visit (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    diner_id     BIGINT       NOT NULL,
    visited_on   DATE         NOT NULL,
    visitor      VARCHAR(64)  NOT NULL,
    volunteer_id BIGINT       NULL,
    minutes      INT          NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    note         VARCHAR(500) NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_visit_diner (diner_id, visited_on),
    KEY ix_visit_date (visited_on),
    CONSTRAINT fk_visit_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_visit_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id),
    CONSTRAINT ck_visit_minutes CHECK (minutes BETWEEN 1 AND 720),
    CONSTRAINT ck_visit_outcome CHECK (outcome IN ('WELL', 'NEEDS_HELP', 'NOT_HOME'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
