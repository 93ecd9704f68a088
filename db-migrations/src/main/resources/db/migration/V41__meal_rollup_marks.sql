-- A changed site day was marked by one row per site and day, which every meal of the day updated with a new stamp: a
-- row as hot as the site's lunch. On one server each counter's transaction waited on it until the previous one
-- committed; on a Galera cluster two counters on two nodes both wrote it, and the later commit failed certification
-- and was retried, again and again at a busy lunch. A mark is
-- now a row of its own: each writer inserts one with a random stamp and no writer updates another's, so writers never
-- meet on it. The job reads a day's marks, computes the day and deletes exactly the marks it read; a mark inserted
-- meanwhile stays, and the day is computed again. Readers ask only whether a day has any mark.
-- A new table rather than a new primary key on the old one: TiDB cannot change a table's primary key.
CREATE TABLE meal_rollup_mark (
    site_id      BIGINT NOT NULL,
    service_date DATE   NOT NULL,
    stamp        BIGINT NOT NULL,
    PRIMARY KEY (site_id, service_date, stamp),
    CONSTRAINT fk_meal_rollup_mark_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the days still marked, one mark each
INSERT INTO meal_rollup_mark (site_id, service_date, stamp)
SELECT site_id, service_date, stamp FROM meal_rollup_dirty;

DROP TABLE meal_rollup_dirty;
