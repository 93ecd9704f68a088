-- Issue 21, point 1: what a central kitchen (中央厨房) sends each meal point it supplies, and what arrived.
-- One dispatch per point, date and slot; the point's staff record what they received, and a discrepancy
-- (sent minus received) needs its note.
CREATE TABLE kitchen_dispatch (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    kitchen_id        BIGINT       NOT NULL,
    point_id          BIGINT       NOT NULL,
    service_date      DATE         NOT NULL,
    slot              VARCHAR(16)  NOT NULL,
    portions_sent     INT          NOT NULL,
    sent_by           VARCHAR(64)  NOT NULL,
    sent_at           DATETIME(6)  NOT NULL,
    portions_received INT          NULL,
    received_by       VARCHAR(64)  NULL,
    received_at       DATETIME(6)  NULL,
    discrepancy_note  VARCHAR(255) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_kitchen_dispatch_point UNIQUE (point_id, service_date, slot),
    KEY ix_kitchen_dispatch_kitchen (kitchen_id, service_date, slot),
    CONSTRAINT fk_kitchen_dispatch_kitchen FOREIGN KEY (kitchen_id) REFERENCES site (id),
    CONSTRAINT fk_kitchen_dispatch_point FOREIGN KEY (point_id) REFERENCES site (id),
    CONSTRAINT ck_kitchen_dispatch_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_kitchen_dispatch_sent CHECK (portions_sent BETWEEN 0 AND 10000),
    CONSTRAINT ck_kitchen_dispatch_received CHECK ((portions_received IS NULL) = (received_at IS NULL)
                                                   AND (portions_received IS NULL OR portions_received BETWEEN 0 AND 10000)),
    CONSTRAINT ck_kitchen_dispatch_note CHECK (portions_received IS NULL OR portions_received = portions_sent OR discrepancy_note IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
