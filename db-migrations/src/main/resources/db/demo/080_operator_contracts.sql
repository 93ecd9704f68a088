-- Demo data: the operators' contracts in 伊滨区 (片区运营, seed 002), and a hand-over.
-- Loaded after 030 (sites); every statement is idempotent (keyed on the contract's note).
--
--   * 国创 (91410300MA9GCY0B2D): from 2024-01-01, open-ended, the communities of its street points,
--     the central kitchen's and 新诸葛镇's villages.
--   * 洛阳颐康 (91410300MA9LB5XJ7N): from 2024-01-01, open-ended, its villages of 寇店镇 and 庞村镇
--     except 韩寨村.
--   * the hand-over: 颐康 ran 韩寨村 under its own contract from 2024-01-01 to 2025-12-31; ranked last in
--     2025's evaluations, the contract was ended (考核不合格，予以淘汰) and 国创 runs 韩寨助餐点 under a
--     contract for 韩寨村 from 2026-01-01.

INSERT INTO site_operator_change (site_id, from_operator_id, to_operator_id, effective_on, changed_by, changed_at)
SELECT s.id, s.operator_id, o.id, DATE '2026-01-01', 'demo', UTC_TIMESTAMP(6)
FROM site s JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE s.name = '韩寨助餐点' AND s.operator_id <> o.id
  AND NOT EXISTS (SELECT 1 FROM site_operator_change c WHERE c.site_id = s.id);

UPDATE site s JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
SET s.previous_operator_id = s.operator_id, s.operator_since = DATE '2026-01-01', s.operator_id = o.id
WHERE s.name = '韩寨助餐点' AND s.operator_id <> o.id;

INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at)
SELECT o.id, d.id, DATE '2024-01-01', NULL, 'demo: 国创 in 伊滨区', UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9GCY0B2D'
  AND NOT EXISTS (SELECT 1 FROM (SELECT note FROM operator_contract) AS existing WHERE existing.note = 'demo: 国创 in 伊滨区');

INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at)
SELECT o.id, d.id, DATE '2024-01-01', NULL, 'demo: 颐康 in 伊滨区', UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9LB5XJ7N'
  AND NOT EXISTS (SELECT 1 FROM (SELECT note FROM operator_contract) AS existing WHERE existing.note = 'demo: 颐康 in 伊滨区');

INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, end_reason, note, created_at)
SELECT o.id, d.id, DATE '2024-01-01', DATE '2025-12-31', '2025年运营考核排名末位，考核不合格，予以淘汰',
       'demo: 韩寨村 by 颐康', UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9LB5XJ7N'
  AND NOT EXISTS (SELECT 1 FROM (SELECT note FROM operator_contract) AS existing WHERE existing.note = 'demo: 韩寨村 by 颐康');

INSERT INTO operator_contract (operator_id, district_id, valid_from, valid_to, note, created_at)
SELECT o.id, d.id, DATE '2026-01-01', NULL, 'demo: 韩寨村 handed over to 国创', UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9GCY0B2D'
  AND NOT EXISTS (SELECT 1 FROM (SELECT note FROM operator_contract) AS existing WHERE existing.note = 'demo: 韩寨村 handed over to 国创');

-- each operator's main contract: the communities of its sites, 韩寨村 apart
INSERT IGNORE INTO operator_contract_community (contract_id, community_id)
SELECT DISTINCT oc.id, s.community_id
FROM operator_contract oc
JOIN site s ON s.operator_id = oc.operator_id
JOIN region c ON c.id = s.community_id
WHERE oc.note IN ('demo: 国创 in 伊滨区', 'demo: 颐康 in 伊滨区') AND c.division_code <> '410371101203'
  AND c.path LIKE '/410371000000/%';

INSERT IGNORE INTO operator_contract_community (contract_id, community_id)
SELECT oc.id, c.id
FROM operator_contract oc JOIN region c ON c.division_code = '410371101203'
WHERE oc.note IN ('demo: 韩寨村 by 颐康', 'demo: 韩寨村 handed over to 国创');
