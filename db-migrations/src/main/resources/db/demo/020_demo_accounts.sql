-- Demo accounts, one per role, all with the password demo1234 (BCrypt below).
-- DEMO ONLY: never load this into a real deployment (the prod profile refuses to).
-- Scope: the operator account acts for the state platform company; finance and the inspector see
-- the Yibin district; admin is national (no region: every district); the family account's diners
-- come with the diner registry. City and district administrators come with 060.
INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at)
SELECT account.username, '$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66', account.display_name, TRUE,
       o.id, r.id, UTC_TIMESTAMP(6)
FROM (SELECT 'admin' AS username, '民政部门管理员' AS display_name, '' AS credit_code, '' AS division_code
      UNION ALL SELECT 'finance', '区财政金融局结算员', '', '410371000000'
      UNION ALL SELECT 'operator', '国创公司助餐运营', '91410300MA9GCY0B2D', ''
      UNION ALL SELECT 'inspector', '区市场监管局检查员', '', '410371000000'
      UNION ALL SELECT 'family', '家属账号', '', '') AS account
LEFT JOIN operator o ON o.credit_code = account.credit_code
LEFT JOIN region r ON r.division_code = account.division_code
ON DUPLICATE KEY UPDATE app_user.username = app_user.username;

INSERT INTO app_user_role (user_id, role)
SELECT u.id, account.role
FROM app_user u
JOIN (SELECT 'admin' AS username, 'ADMIN' AS role
      UNION ALL SELECT 'finance', 'FINANCE'
      UNION ALL SELECT 'operator', 'OPERATOR'
      UNION ALL SELECT 'inspector', 'INSPECTOR'
      UNION ALL SELECT 'family', 'DINER') AS account ON account.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;
