-- Levels of government (issue 18): provinces (省) and cities (市) above the district, so that a city
-- runs its districts on one system. A district may now sit under a city; a city under a province.
-- Administrators, finance staff and inspectors are scoped to the subtree of their account's region
-- (app_user.region_id, already there); an ADMIN account without a region stays national.
-- DROP CONSTRAINT for a CHECK works on MySQL 8.0.19+ and MariaDB 10.2+ alike.
ALTER TABLE region DROP CONSTRAINT ck_region_level;
ALTER TABLE region ADD CONSTRAINT ck_region_level
    CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'SUBDISTRICT', 'TOWN', 'COMMUNITY', 'VILLAGE'));
