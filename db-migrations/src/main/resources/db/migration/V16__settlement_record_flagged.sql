-- A statement's flagged records belong to its generation, as its flagged_count does: whether a record
-- carried flags is taken when the statement claims it, so that the flaggedRecords a statement lists
-- always match its count, whatever flags are raised on its records later (the next generation of a
-- DRAFT or REJECTED statement takes them in; an approved one keeps what was approved).
ALTER TABLE settlement_record ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE settlement_record sr SET sr.flagged = TRUE
WHERE EXISTS (SELECT 1 FROM meal_record_flag f WHERE f.meal_record_id = sr.meal_record_id);

-- a page of a statement's flagged records, in record order
CREATE INDEX ix_settlement_record_flagged ON settlement_record (statement_id, flagged, meal_record_id);
