-- Issue 21, point 4: a recurring booking served at no site for two days raises its own kind of care alert.
ALTER TABLE care_alert DROP CONSTRAINT ck_care_alert_kind;
ALTER TABLE care_alert ADD CONSTRAINT ck_care_alert_kind
    CHECK (kind IN ('WELLNESS_CONCERN', 'NO_ANSWER', 'STOPPED_EATING', 'RECURRING_NOT_SERVED'));
