-- Demo accounts for the street and hotline roles, with the password demo1234 of 020_demo_accounts.sql
-- (the same BCrypt hash). DEMO ONLY: never load this into a real deployment (the prod profile refuses to).
-- Scope: street staff of 寇店镇 (a town of the Yibin district) and the district's elderly-service hotline.
INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT account.username, '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', account.display_name, TRUE,
       NULL, r.id, UTC_TIMESTAMP(6)
FROM (SELECT 'street' AS username, '寇店镇便民服务中心' AS display_name, '410371101000' AS division_code
      UNION ALL SELECT 'hotline', '伊滨区为老服务热线', '410371000000') AS account
JOIN region r ON r.division_code = account.division_code
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, account.role
FROM app_user u
JOIN (SELECT 'street' AS username, 'STREET_STAFF' AS role
      UNION ALL SELECT 'hotline', 'HOTLINE') AS account ON account.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;

-- The other levels' accounts (issue 18: accounts for each role at each level): 偃师区's finance and
-- inspector, its street staff of 商城街道, and the city's hotline, which books for both districts.
INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT account.username, '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', account.display_name, TRUE,
       NULL, r.id, UTC_TIMESTAMP(6)
FROM (SELECT 'yanshi_finance' AS username, '偃师区财政局结算员' AS display_name, '410307000000' AS division_code
      UNION ALL SELECT 'yanshi_inspector', '偃师区市场监管局检查员', '410307000000'
      UNION ALL SELECT 'yanshi_street', '商城街道便民服务中心', '410307001000'
      UNION ALL SELECT 'city_hotline', '洛阳市为老服务热线', '410300000000') AS account
JOIN region r ON r.division_code = account.division_code
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, account.role
FROM app_user u
JOIN (SELECT 'yanshi_finance' AS username, 'FINANCE' AS role
      UNION ALL SELECT 'yanshi_inspector', 'INSPECTOR'
      UNION ALL SELECT 'yanshi_street', 'STREET_STAFF'
      UNION ALL SELECT 'city_hotline', 'HOTLINE') AS account ON account.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;
