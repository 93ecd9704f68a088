-- Demo accounts, one per role, all with the password demo1234 (BCrypt below).
-- DEMO ONLY: never load this into a real deployment (the prod profile refuses to).
INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT 'admin', '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', '区民政局管理员', TRUE, NULL, r.id, UTC_TIMESTAMP(6)
FROM region r WHERE r.division_code = '410371000000'
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT 'finance', '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', '区财政金融局结算员', TRUE, NULL, r.id, UTC_TIMESTAMP(6)
FROM region r WHERE r.division_code = '410371000000'
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT 'operator', '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', '国创公司助餐运营', TRUE, o.id, NULL, UTC_TIMESTAMP(6)
FROM operator o WHERE o.credit_code = '91410300MA9GCY0B2D'
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT 'inspector', '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', '区市场监管局检查员', TRUE, NULL, r.id, UTC_TIMESTAMP(6)
FROM region r WHERE r.division_code = '410371000000'
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

-- The family account acts for diners; the links come with the diner registry.
INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
VALUES ('family', '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', '家属账号', TRUE, NULL, NULL, UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE username = username;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, r.role
FROM app_user u
JOIN (SELECT 'admin' AS username, 'ADMIN' AS role
      UNION ALL SELECT 'finance', 'FINANCE'
      UNION ALL SELECT 'operator', 'OPERATOR'
      UNION ALL SELECT 'inspector', 'INSPECTOR'
      UNION ALL SELECT 'family', 'DINER') r ON r.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;
