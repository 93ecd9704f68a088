-- Categories are versioned, not replaced (issue 19): a change supersedes the entry it replaces (superseded_at) and
-- inserts the new one, so a diner's eligibility history keeps every version with where it came from: entered by
-- staff (REGISTRY), a roster import (ROSTER, source_ref = the import) or an approved application (APPLICATION,
-- source_ref = the application). The seeds name two more groups: 留守 (LEFT_BEHIND) and 失智 (DEMENTIA, which
-- with DISABLED makes the seeds' 失能失智).

ALTER TABLE diner_category
    ADD COLUMN source        VARCHAR(16) NOT NULL DEFAULT 'REGISTRY',
    ADD COLUMN source_ref    VARCHAR(64) NULL,
    ADD COLUMN recorded_by   VARCHAR(64) NULL,
    ADD COLUMN recorded_at   DATETIME(6) NULL,
    ADD COLUMN superseded_at DATETIME(6) NULL,
    ADD COLUMN superseded_by VARCHAR(64) NULL;

UPDATE diner_category dc JOIN diner d ON d.id = dc.diner_id SET dc.recorded_at = d.created_at, dc.recorded_by = 'migration';

ALTER TABLE diner_category MODIFY recorded_by VARCHAR(64) NOT NULL, MODIFY recorded_at DATETIME(6) NOT NULL;

ALTER TABLE diner_category DROP CONSTRAINT ck_diner_category_category;

ALTER TABLE diner_category
    ADD CONSTRAINT ck_diner_category_category CHECK (category IN ('EXTREME_POVERTY', 'MIN_LIVING', 'LOW_INCOME_EDGE', 'DISABLED',
                                                                  'DEMENTIA', 'LIVING_ALONE', 'LEFT_BEHIND', 'SPECIAL_FAMILY',
                                                                  'ENTITLED')),
    ADD CONSTRAINT ck_diner_category_source CHECK (source IN ('REGISTRY', 'ROSTER', 'APPLICATION')),
    ADD KEY idx_diner_category_current (diner_id, superseded_at);
