-- Settlement reads a month of an operator's records (a million for a large one) several times while it
-- generates a statement: to claim them, to sum their shares into lines and to count diner-days. With
-- every column it groups by in the index, each of those reads stays in this index (some 70 bytes a
-- record) instead of fetching the record rows; it is ordered by date, site and diner so that the
-- diner-days come out grouped. It takes over from the (operator_id, service_date) index, its prefix.
ALTER TABLE meal_record
    ADD KEY ix_meal_record_operator_month (operator_id, service_date, site_id, diner_id, kind, diner_category),
    DROP KEY ix_meal_record_operator_date;

-- A claim writes a row per record; each secondary index on it is a second write per record (and per
-- record again when a DRAFT is regenerated). One index serves every read by statement: its carried
-- records (a short range), its flagged ones (one range when carried, one when not), and its counts
-- without the rows.
ALTER TABLE settlement_record
    ADD KEY ix_settlement_record_statement_flags (statement_id, carried, flagged, meal_record_id),
    DROP KEY ix_settlement_record_statement,
    DROP KEY ix_settlement_record_carried,
    DROP KEY ix_settlement_record_flagged;
