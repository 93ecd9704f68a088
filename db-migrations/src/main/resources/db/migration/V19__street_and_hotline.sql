-- Two roles: STREET_STAFF, street and town staff (镇街工作人员), whose account's region is a SUBDISTRICT or
-- TOWN; HOTLINE, the elderly-service hotline (为老服务热线), which books, cancels and rates on a
-- diner's behalf by phone. DROP CONSTRAINT is understood by MySQL 8.0.19+ and MariaDB alike.
ALTER TABLE app_user_role DROP CONSTRAINT ck_app_user_role_role;
ALTER TABLE app_user_role ADD CONSTRAINT ck_app_user_role_role
    CHECK (role IN ('ADMIN', 'FINANCE', 'OPERATOR', 'INSPECTOR', 'DINER', 'STREET_STAFF', 'HOTLINE'));

-- How a booking or a rating reached Zhucan (渠道): the mini-program, the site's counter, the hotline,
-- the web console, or the recurring-booking job; and the hotline's call reference (来电编号), free
-- text, when staff give one.
ALTER TABLE booking ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'MINI_PROGRAM';
ALTER TABLE booking ADD COLUMN call_reference VARCHAR(64) NULL;
ALTER TABLE booking ADD CONSTRAINT ck_booking_channel
    CHECK (channel IN ('MINI_PROGRAM', 'COUNTER', 'HOTLINE', 'CONSOLE', 'RECURRING'));

-- Bookings made before this migration: by whom they were made tells the channel.
UPDATE booking SET channel = 'RECURRING' WHERE booked_by = 'system:recurring';
UPDATE booking b JOIN app_user u ON u.username = b.booked_by JOIN app_user_role r ON r.user_id = u.id AND r.role = 'OPERATOR'
SET b.channel = 'COUNTER';
UPDATE booking b JOIN app_user u ON u.username = b.booked_by JOIN app_user_role r ON r.user_id = u.id AND r.role = 'ADMIN'
SET b.channel = 'CONSOLE'
WHERE b.channel = 'MINI_PROGRAM';

-- Every rating so far was given by a diner's own account through the mini-program.
ALTER TABLE meal_rating ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'MINI_PROGRAM';
ALTER TABLE meal_rating ADD COLUMN call_reference VARCHAR(64) NULL;
ALTER TABLE meal_rating ADD CONSTRAINT ck_meal_rating_channel CHECK (channel IN ('MINI_PROGRAM', 'COUNTER', 'HOTLINE'));
