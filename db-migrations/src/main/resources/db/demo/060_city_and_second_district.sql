-- Demo data: levels of government (issue 18). Loaded only when ZHUCAN_DEMO_DATA=true, after 010-050;
-- every statement is idempotent (a second load changes nothing).
--
-- * 河南省 (PROVINCE, 410000000000) and 洛阳市 (CITY, 410300000000), the real province and city of
--   the Yibin district (seed 001: 洛阳市城乡一体化示范区, 洛阳市“五级四类”养老服务体系); 伊滨区 is
--   moved under the city and every path below it rewritten (paths are materialised from the root).
-- * A second, small district under the city: 偃师区 (410307, its real 6-digit code) with one street,
--   商城街道, and three communities (street and community names and codes assigned for the demo, as
--   in 010), one operator (a social organisation, a demo credit code with a valid check character),
--   its contract for the district and one OPERATING canteen with a lunch slot.
-- * Accounts, all with the demo password demo1234 (the BCrypt of 020): city_admin, city_finance and
--   city_inspector of 洛阳市 (they see both districts); yibin_admin and yanshi_admin, each the ADMIN
--   of one district only; yanshi_operator, the staff of the new operator. The demo admin of 020 is
--   national (no region): a database loaded before this file had it scoped to 伊滨区.

INSERT INTO region (parent_id, division_code, name, level, path, created_at)
VALUES (NULL, '410000000000', '河南省', 'PROVINCE', '/410000000000/', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE division_code = division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410300000000', '洛阳市', 'CITY', CONCAT(parent.path, '410300000000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410000000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;

-- 伊滨区 under the city, once: its subtree's paths gain the city's path as a prefix.
UPDATE region district JOIN region city ON city.division_code = '410300000000'
SET district.parent_id = city.id
WHERE district.division_code = '410371000000' AND district.parent_id IS NULL;
UPDATE region SET path = CONCAT('/410000000000/410300000000', path) WHERE path LIKE '/410371000000/%';

INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410307000000', '偃师区', 'DISTRICT', CONCAT(parent.path, '410307000000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410300000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410307001000', '商城街道', 'SUBDISTRICT', CONCAT(parent.path, '410307001000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410307000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410307001001', '华夏路社区', 'COMMUNITY', CONCAT(parent.path, '410307001001', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410307001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410307001002', '商城路社区', 'COMMUNITY', CONCAT(parent.path, '410307001002', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410307001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410307001003', '塔庄社区', 'COMMUNITY', CONCAT(parent.path, '410307001003', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410307001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;

INSERT INTO operator (name, credit_code, kind, created_at)
VALUES ('偃师区商城街道爱心助餐服务中心', '52410307MJY1238Q66', 'SOCIAL_ORGANISATION', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE credit_code = credit_code;
INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, created_at)
SELECT o.id, d.id, DATE '2025-01-01', NULL, UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410307000000'
WHERE o.credit_code = '52410307MJY1238Q66'
  AND NOT EXISTS (SELECT 1 FROM (SELECT operator_id, district_id FROM operator_contract) AS existing
                  WHERE existing.operator_id = o.id AND existing.district_id = d.id);

-- 商城街道长者食堂: 商城街道华夏路社区, OPERATING since 2025-03-31
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '商城街道长者食堂', 'CANTEEN', 'OPERATING', c.id, o.id, '商城街道华夏路社区党群服务中心一楼', 34.727000, 112.790000, 'JY34103070010001',
       NULL, DATE '2025-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '52410307MJY1238Q66'
WHERE c.division_code = '410307001001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '商城街道长者食堂');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '商城街道长者食堂'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 40 AS seats) AS t
WHERE s.name = '商城街道长者食堂'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '商城街道长者食堂'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- The demo admin is national. A database loaded before this file had it scoped to 伊滨区: unscope it
-- and add one to its token version, as every change of scope does, so its old tokens stop working.
UPDATE app_user SET region_id = NULL, token_version = token_version + 1
WHERE username = 'admin' AND region_id IS NOT NULL;

INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT account.username, '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', account.display_name, TRUE,
       o.id, r.id, UTC_TIMESTAMP(6)
FROM (SELECT 'city_admin' AS username, '市民政局管理员' AS display_name, '' AS credit_code, '410300000000' AS division_code
      UNION ALL SELECT 'city_finance', '市财政局结算员', '', '410300000000'
      UNION ALL SELECT 'city_inspector', '市市场监管局检查员', '', '410300000000'
      UNION ALL SELECT 'yibin_admin', '伊滨区民政局管理员', '', '410371000000'
      UNION ALL SELECT 'yanshi_admin', '偃师区民政局管理员', '', '410307000000'
      UNION ALL SELECT 'yanshi_operator', '商城街道助餐服务中心', '52410307MJY1238Q66', '') AS account
LEFT JOIN operator o ON o.credit_code = account.credit_code
LEFT JOIN region r ON r.division_code = account.division_code
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, account.role
FROM app_user u
JOIN (SELECT 'city_admin' AS username, 'ADMIN' AS role
      UNION ALL SELECT 'city_finance', 'FINANCE'
      UNION ALL SELECT 'city_inspector', 'INSPECTOR'
      UNION ALL SELECT 'yibin_admin', 'ADMIN'
      UNION ALL SELECT 'yanshi_admin', 'ADMIN'
      UNION ALL SELECT 'yanshi_operator', 'OPERATOR') AS account ON account.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;
