-- An application still open (under review or in publicity) when its diner dies or moves out is closed as LAPSED
-- in the transaction that records the departure: nothing is granted, it is not reopened. Its history says when and why.
ALTER TABLE subsidy_application DROP CONSTRAINT ck_subsidy_application_status;
ALTER TABLE subsidy_application ADD CONSTRAINT ck_subsidy_application_status
    CHECK (status IN ('UNDER_REVIEW', 'REJECTED', 'IN_PUBLICITY', 'EFFECTIVE', 'LAPSED'));
ALTER TABLE subsidy_application_event DROP CONSTRAINT ck_subsidy_application_event;
ALTER TABLE subsidy_application_event ADD CONSTRAINT ck_subsidy_application_event
    CHECK (event IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'OBJECTED', 'EFFECTIVE', 'LAPSED'));
