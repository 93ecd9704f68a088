-- The history of a site's slots (hours, seats, booking cutoff), so that a meal is judged by the
-- hours in force when it was served, not by today's: an offline record uploaded days later, after
-- the hours changed or a slot was dropped, keeps the rules of its own day. site_slot keeps the
-- current slots; every change of them (createSite, updateSite) adds a row here for each slot that
-- changed, effective from the moment it was made.
CREATE TABLE site_slot_change (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    site_id        BIGINT      NOT NULL,
    slot           VARCHAR(16) NOT NULL,
    -- the slot as set from effective_from on; all four NULL: the site stopped serving the slot
    serves_from    TIME        NULL,
    serves_to      TIME        NULL,
    seats          INT         NULL,
    booking_cutoff TIME        NULL,
    effective_from DATETIME(6) NOT NULL,
    changed_by     VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_site_slot_change_site (site_id, effective_from, id),
    CONSTRAINT fk_site_slot_change_site FOREIGN KEY (site_id) REFERENCES site (id),
    CONSTRAINT ck_site_slot_change_slot CHECK (slot IN ('BREAKFAST', 'LUNCH', 'DINNER')),
    CONSTRAINT ck_site_slot_change_served CHECK ((serves_from IS NULL) = (serves_to IS NULL) AND (serves_from IS NULL) = (seats IS NULL)
                                                 AND (serves_from IS NULL) = (booking_cutoff IS NULL)),
    CONSTRAINT ck_site_slot_change_hours CHECK (serves_from IS NULL OR serves_to > serves_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The slots of today as in force since each site was created: the earliest hours known.
INSERT INTO site_slot_change (site_id, slot, serves_from, serves_to, seats, booking_cutoff, effective_from, changed_by)
SELECT ss.site_id, ss.slot, ss.serves_from, ss.serves_to, ss.seats, ss.booking_cutoff, s.created_at, 'migration'
FROM site_slot ss JOIN site s ON s.id = ss.site_id;
