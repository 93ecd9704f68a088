-- Bookings (订餐): a diner's meal at a site, date and slot, with its quoted split; the seat and
-- dish-quota counters that bookings take atomically; device idempotency keys; recurring bookings.

CREATE TABLE booking (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    diner_id                   BIGINT        NOT NULL,
    site_id                    BIGINT        NOT NULL,
    service_date               DATE          NOT NULL,
    slot                       VARCHAR(16)   NOT NULL,
    fulfilment                 VARCHAR(16)   NOT NULL,
    -- The published menu booked from: its dish quotas are what the booking took.
    menu_id                    BIGINT        NOT NULL,
    -- A delivery address is personal data: AES-GCM ciphertext, plus a masked form for lists.
    delivery_address_encrypted VARCHAR(1024) NULL,
    delivery_address_masked    VARCHAR(255)  NULL,
    delivery_fee_fen           BIGINT        NOT NULL DEFAULT 0,
    price_fen                  BIGINT        NOT NULL,
    subsidy_fen                BIGINT        NOT NULL,
    diner_pays_fen             BIGINT        NOT NULL,
    policy_id                  BIGINT        NULL,
    -- The quote's shares and reasons as quoteMeal gave them when the booking was made.
    quote                      JSON          NOT NULL,
    status                     VARCHAR(16)   NOT NULL,
    -- 1 while the booking holds its diner's slot, NULL once cancelled: the unique key below then
    -- allows one live booking per diner, date and slot, and any number of cancelled ones.
    live                       TINYINT AS (CASE WHEN status = 'CANCELLED' THEN NULL ELSE 1 END) STORED,
    pickup_code                CHAR(6)       NOT NULL,
    booked_by                  VARCHAR(64)   NOT NULL,
    recurring_booking_id       BIGINT        NULL,
    cancelled_at               DATETIME(6)   NULL,
    cancelled_by               VARCHAR(64)   NULL,
    cancel_reason              VARCHAR(255)  NULL,
    version                    INT           NOT NULL DEFAULT 0,
    created_at                 DATETIME(6)   NOT NULL,
    updated_at                 DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_booking_diner_slot UNIQUE (diner_id, service_date, slot, live),
    CONSTRAINT uk_booking_pickup_code UNIQUE (site_id, service_date, slot, pickup_code),
    KEY ix_booking_diner_date (diner_id, service_date),
    KEY ix_booking_status_date (status, service_date),
    CONSTRAINT fk_booking_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_booking_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT fk_booking_menu FOREIGN KEY (menu_id) REFERENCES menu (id),
    CONSTRAINT fk_booking_policy FOREIGN KEY (policy_id) REFERENCES subsidy_policy (id),
    CONSTRAINT ck_booking_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_booking_fulfilment CHECK (fulfilment IN ('DINE_IN', 'PICKUP', 'DELIVERY')),
    CONSTRAINT ck_booking_status CHECK (status IN ('BOOKED', 'CANCELLED', 'SERVED', 'NO_SHOW')),
    CONSTRAINT ck_booking_amounts CHECK (price_fen >= 0 AND subsidy_fen >= 0 AND diner_pays_fen >= 0 AND delivery_fee_fen >= 0
                                         AND subsidy_fen + diner_pays_fen = price_fen),
    CONSTRAINT ck_booking_delivery CHECK ((fulfilment = 'DELIVERY') = (delivery_address_encrypted IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_item (
    booking_id     BIGINT      NOT NULL,
    position       INT         NOT NULL,
    dish_id        BIGINT      NULL,
    set_meal_name  VARCHAR(64) NULL,
    name           VARCHAR(64) NOT NULL,
    unit_price_fen BIGINT      NOT NULL,
    quantity       INT         NOT NULL,
    -- whether the booking took these portions from the menu's daily quota (and gives them back on cancelling)
    quota_counted  BOOLEAN     NOT NULL,
    PRIMARY KEY (booking_id, position),
    CONSTRAINT fk_booking_item_booking FOREIGN KEY (booking_id) REFERENCES booking (id),
    CONSTRAINT fk_booking_item_dish FOREIGN KEY (dish_id) REFERENCES dish (id),
    CONSTRAINT ck_booking_item_kind CHECK ((dish_id IS NULL) <> (set_meal_name IS NULL)),
    CONSTRAINT ck_booking_item_amounts CHECK (unit_price_fen >= 0 AND quantity BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Dine-in seats taken per site, date and slot. A dine-in booking takes a seat with one conditional UPDATE against
-- site_slot.seats, so concurrent bookings on any number of application instances never oversell.
CREATE TABLE slot_capacity (
    site_id      BIGINT      NOT NULL,
    service_date DATE        NOT NULL,
    slot         VARCHAR(16) NOT NULL,
    seats_taken  INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, service_date, slot),
    CONSTRAINT fk_slot_capacity_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_slot_capacity_taken CHECK (seats_taken >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Portions taken of a menu's dishes and set meals that have a daily quota; item_ref is D:<dish id> or
-- S:<set meal name>.
CREATE TABLE menu_quota_taken (
    menu_id  BIGINT      NOT NULL,
    item_ref VARCHAR(80) NOT NULL,
    taken    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (menu_id, item_ref),
    CONSTRAINT fk_menu_quota_taken_menu FOREIGN KEY (menu_id) REFERENCES menu (id),
    CONSTRAINT ck_menu_quota_taken CHECK (taken >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A device mutation's idempotency key, per account. The row is written in the mutation's own
-- transaction, so a concurrent repeat waits on the key and then reads the first result.
CREATE TABLE idempotency_key (
    username     VARCHAR(64) NOT NULL,
    idem_key     VARCHAR(64) NOT NULL,
    operation    VARCHAR(32) NOT NULL,
    request_hash CHAR(64)    NOT NULL,
    result_id    BIGINT      NULL,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (username, idem_key),
    KEY ix_idempotency_key_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 长期订餐: e.g. lunch, dine-in, Monday to Friday, from one date to another.
CREATE TABLE recurring_booking (
    id                         BIGINT        NOT NULL AUTO_INCREMENT,
    diner_id                   BIGINT        NOT NULL,
    site_id                    BIGINT        NOT NULL,
    slot                       VARCHAR(16)   NOT NULL,
    fulfilment                 VARCHAR(16)   NOT NULL,
    weekdays                   VARCHAR(96)   NOT NULL,
    starts_on                  DATE          NOT NULL,
    ends_on                    DATE          NOT NULL,
    set_meal_name              VARCHAR(64)   NULL,
    delivery_address_encrypted VARCHAR(1024) NULL,
    delivery_address_masked    VARCHAR(255)  NULL,
    created_by                 VARCHAR(64)   NOT NULL,
    created_at                 DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_recurring_booking_diner (diner_id),
    CONSTRAINT fk_recurring_booking_diner FOREIGN KEY (diner_id) REFERENCES diner (id),
    CONSTRAINT fk_recurring_booking_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_recurring_booking_dates CHECK (ends_on >= starts_on),
    CONSTRAINT ck_recurring_booking_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_recurring_booking_fulfilment CHECK (fulfilment IN ('DINE_IN', 'PICKUP', 'DELIVERY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE recurring_booking_pause (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    recurring_booking_id BIGINT       NOT NULL,
    from_date            DATE         NOT NULL,
    to_date              DATE         NOT NULL,
    reason               VARCHAR(255) NULL,
    created_by           VARCHAR(64)  NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_recurring_booking_pause FOREIGN KEY (recurring_booking_id) REFERENCES recurring_booking (id),
    CONSTRAINT ck_recurring_booking_pause_dates CHECK (to_date >= from_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per recurring booking and date the job has dealt with: the booking it made, or why it
-- could not (retried on the next run while the date is still open). The primary key is what makes
-- the job idempotent, and a date booked once is never booked again, even after a cancellation.
CREATE TABLE recurring_booking_day (
    recurring_booking_id BIGINT       NOT NULL,
    service_date         DATE         NOT NULL,
    booking_id           BIGINT       NULL,
    skip_code            VARCHAR(48)  NULL,
    skip_message         VARCHAR(255) NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (recurring_booking_id, service_date),
    CONSTRAINT fk_recurring_booking_day FOREIGN KEY (recurring_booking_id) REFERENCES recurring_booking (id),
    CONSTRAINT fk_recurring_booking_day_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
