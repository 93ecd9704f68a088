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
JOIN (SELECT 'street' AS username, 'STREET' AS role
      UNION ALL SELECT 'hotline', 'HOTLINE') AS account ON account.username = u.username
ON DUPLICATE KEY UPDATE app_user_role.role = app_user_role.role;
