-- Menus and dishes (菜单与菜品): dishes per operator; menus per site, date and slot with items and
-- set meals; DRAFT → PUBLISHED, amendable until the slot's booking cutoff, each amendment a new
-- version kept in menu_version.

-- The booking cutoff of each slot (e.g. 09:30 for lunch), in Asia/Shanghai on the meal date.
ALTER TABLE site_slot ADD COLUMN booking_cutoff TIME NULL;
UPDATE site_slot SET booking_cutoff = SUBTIME(serves_from, '01:30:00') WHERE booking_cutoff IS NULL;
ALTER TABLE site_slot MODIFY booking_cutoff TIME NOT NULL;

CREATE TABLE dish (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    operator_id    BIGINT       NOT NULL,
    name           VARCHAR(64)  NOT NULL,
    price_fen      BIGINT       NOT NULL,
    portion_size   VARCHAR(32)  NULL,
    tags           VARCHAR(255) NOT NULL DEFAULT '',
    allergens      VARCHAR(255) NOT NULL DEFAULT '',
    kcal           INT          NULL,
    protein_grams  DECIMAL(5, 1) NULL,
    photo_url      VARCHAR(512) NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        INT          NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_dish_operator_name UNIQUE (operator_id, name),
    CONSTRAINT fk_dish_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT ck_dish_price CHECK (price_fen >= 0),
    CONSTRAINT ck_dish_nutrition CHECK ((kcal IS NULL OR kcal >= 0) AND (protein_grams IS NULL OR protein_grams >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    site_id      BIGINT      NOT NULL,
    menu_date    DATE        NOT NULL,
    slot         VARCHAR(16) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    version      INT         NOT NULL DEFAULT 1,
    published_at DATETIME(6) NULL,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_menu_site_date_slot UNIQUE (site_id, menu_date, slot),
    CONSTRAINT fk_menu_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_menu_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_menu_status CHECK (status IN ('DRAFT', 'PUBLISHED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE menu_item (
    menu_id     BIGINT NOT NULL,
    position    INT    NOT NULL,
    dish_id     BIGINT NOT NULL,
    price_fen   BIGINT NOT NULL,
    daily_quota INT    NULL,
    PRIMARY KEY (menu_id, position),
    CONSTRAINT uk_menu_item_dish UNIQUE (menu_id, dish_id),
    CONSTRAINT fk_menu_item_menu FOREIGN KEY (menu_id) REFERENCES menu (id),
    CONSTRAINT fk_menu_item_dish FOREIGN KEY (dish_id) REFERENCES dish (id),
    CONSTRAINT ck_menu_item_amounts CHECK (price_fen >= 0 AND (daily_quota IS NULL OR daily_quota >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 套餐: several dishes at one fixed price.
CREATE TABLE set_meal (
    menu_id     BIGINT      NOT NULL,
    position    INT         NOT NULL,
    name        VARCHAR(64) NOT NULL,
    price_fen   BIGINT      NOT NULL,
    daily_quota INT         NULL,
    dish_ids    VARCHAR(255) NOT NULL,
    PRIMARY KEY (menu_id, position),
    CONSTRAINT fk_set_meal_menu FOREIGN KEY (menu_id) REFERENCES menu (id),
    CONSTRAINT ck_set_meal_amounts CHECK (price_fen >= 0 AND (daily_quota IS NULL OR daily_quota >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every published content of a menu, as JSON, so an amendment never loses what was published before.
CREATE TABLE menu_version (
    menu_id    BIGINT      NOT NULL,
    version    INT         NOT NULL,
    content    JSON        NOT NULL,
    reason     VARCHAR(255) NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (menu_id, version),
    CONSTRAINT fk_menu_version_menu FOREIGN KEY (menu_id) REFERENCES menu (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
