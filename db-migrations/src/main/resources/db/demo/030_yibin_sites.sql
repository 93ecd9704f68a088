-- Demo data: the meal-assistance sites (助餐点) of seed 001, ledger items 23 and 24, and the
-- district's central kitchen. Loaded only when ZHUCAN_DEMO_DATA=true, after 010 and 020; every
-- statement is idempotent (a second load changes nothing). Generated; edit with care.
--
-- Sites (58):
--   * item 23, the streets (孝文街道 8, 李村街道 4, 光武街道 2), all planned in 2024, run by the state
--     platform company (国创, 91410300MA9GCY0B2D), no supplier. 孝文街道's point is the street
--     service centre's canteen (孝文街道长者食堂, CANTEEN, in 正泰嘉苑社区); the others are MEAL_POINTs.
--   * item 24, the villages: 2024 plan 寇店镇 13, 庞村镇 9, 新诸葛镇 11; 2025 plan 寇店镇 4, 庞村镇 3,
--     新诸葛镇 3. 寇店镇 and 庞村镇 points are run by 洛阳颐康 (91410300MA9LB5XJ7N), 新诸葛镇 points by
--     国创. Every village point is supplied by the central kitchen.
--   * 伊滨区中央厨房 (CENTRAL_KITCHEN, 李村街道华林苑社区, 国创), OPERATING since 2024-01-15.
--
-- Status history (site_status_change; effective_on dates), deterministic:
--   * every point: PLANNED on 1 January of its plan year; planned_open_on = last day of its
--     planned quarter; BUILDING on the first day of that quarter; OPERATING on the last day of
--     that quarter (opened_on).
--   * late openers, a year late (OPERATING on the same quarter's end in 2025):
--     孙密, 干村, 沙沟 (寇店镇); 军屯, 草店 (庞村镇); 雷村, 南宋, 西山张 (新诸葛镇).
--   * suspended in 2025: 马寨 (2025-06-30 厨师离职，暂停供餐; OPERATING again 2025-09-30),
--     窑沟 (2025-06-30 场地维修), 耿沟 (2025-11-30 厨师离职，暂停供餐).
--   * still building (2025 plan, never opened): 彭店寨 (BUILDING since 2025-07-01).
--   * closed: 正泰新都一期助餐点, CLOSED 2025-12-31 (与新址合并; 正泰新都二期 serves the community).
--   * site.status is the latest change's to_status; status_reason is the latest change's reason
--     when the site is SUSPENDED or CLOSED, else NULL.
--
-- Resulting village points OPERATING (status in effect on the day) against the plan:
--   寇店镇: 2024-12-31 10 of 13 planned in 2024 (76.9%); 2025-12-31 17 of 17 planned in 2024-2025 (100.0%).
--   庞村镇: 2024-12-31 7 of 9 planned in 2024 (77.8%); 2025-12-31 10 of 12 planned in 2024-2025 (83.3%).
--   新诸葛镇: 2024-12-31 8 of 11 planned in 2024 (72.7%); 2025-12-31 13 of 14 planned in 2024-2025 (92.9%).
--   The 14 street points are all OPERATING on 2024-12-31 (全覆盖 of their communities).
-- Current status: BUILDING 1, OPERATING 54, SUSPENDED 2, CLOSED 1.
--
-- Coordinates are demo values spread around each street or town; licence numbers (食品经营许可证编号)
-- are demo values. Sites have no natural key, so each is inserted only if no site has its name
-- (the subquery reads site through a derived table: MySQL refuses a subquery on the insert target,
-- error 1093); a site's history is inserted only if it has none yet; slots and fulfilment are keyed.

-- 伊滨区中央厨房: 李村街道华林苑社区
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '伊滨区中央厨房', 'CENTRAL_KITCHEN', 'OPERATING', c.id, o.id, '李村街道华林苑社区综合服务楼北侧', 34.612500, 112.603500, 'JY34103710010001',
       NULL, DATE '2024-01-15', DATE '2024-01-15', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371002001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '伊滨区中央厨房');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'OPERATING' AS to_status, DATE '2024-01-15' AS effective_on, CAST(NULL AS CHAR(255)) AS reason) AS h
WHERE s.name = '伊滨区中央厨房'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;

-- 正泰新都一期助餐点: 孝文街道正泰新都社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '正泰新都一期助餐点', 'MEAL_POINT', 'CLOSED', c.id, o.id, '孝文街道正泰新都社区一期党群服务中心一楼', 34.617000, 112.550000, 'JY34103710010002',
       NULL, DATE '2024-03-31', DATE '2024-03-31', DATE '2025-12-31', '与新址合并', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '正泰新都一期助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL
      UNION ALL SELECT 4, 'OPERATING', 'CLOSED', DATE '2025-12-31', '与新址合并') AS h
WHERE s.name = '正泰新都一期助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '正泰新都一期助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '正泰新都一期助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 兴隆悦府助餐点: 孝文街道兴隆悦府社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '兴隆悦府助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道兴隆悦府社区社区养老服务站一楼', 34.619000, 112.560000, 'JY34103710010003',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001002'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '兴隆悦府助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '兴隆悦府助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '兴隆悦府助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '兴隆悦府助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 孝文街道长者食堂: 孝文街道正泰嘉苑社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '孝文街道长者食堂', 'CANTEEN', 'OPERATING', c.id, o.id, '孝文街道正泰嘉苑社区孝文街道养老服务中心一楼', 34.617000, 112.570000, 'JY34103710010004',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001008'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '孝文街道长者食堂');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '孝文街道长者食堂'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'BREAKFAST' AS slot, TIME '07:00:00' AS serves_from, TIME '08:30:00' AS serves_to, 40 AS seats
      UNION ALL SELECT 'LUNCH', TIME '11:00:00', TIME '13:00:00', 60
      UNION ALL SELECT 'DINNER', TIME '17:00:00', TIME '18:30:00', 40) AS t
WHERE s.name = '孝文街道长者食堂'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '孝文街道长者食堂'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 西韩助餐点: 孝文街道西韩社区, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '西韩助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道西韩社区社区养老服务站一楼', 34.619000, 112.580000, 'JY34103710010005',
       NULL, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001003'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '西韩助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '西韩助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '西韩助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '西韩助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 刘井社区助餐点: 孝文街道刘井社区, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '刘井社区助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道刘井社区党群服务中心一楼', 34.617000, 112.590000, 'JY34103710010006',
       NULL, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001004'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '刘井社区助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '刘井社区助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '刘井社区助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '刘井社区助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 正泰新都二期助餐点: 孝文街道正泰新都社区, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '正泰新都二期助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道正泰新都社区二期社区养老服务站一楼', 34.625000, 112.550000, 'JY34103710010007',
       NULL, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '正泰新都二期助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '正泰新都二期助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '正泰新都二期助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '正泰新都二期助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 诸葛社区助餐点: 孝文街道诸葛社区, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '诸葛社区助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道诸葛社区党群服务中心一楼', 34.627000, 112.560000, 'JY34103710010008',
       NULL, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001005'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '诸葛社区助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '诸葛社区助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '诸葛社区助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '诸葛社区助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 西马社区助餐点: 孝文街道西马社区, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '西马社区助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '孝文街道西马社区社区养老服务站一楼', 34.625000, 112.570000, 'JY34103710010009',
       NULL, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371001006'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '西马社区助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '西马社区助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '西马社区助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '西马社区助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 华林苑助餐点: 李村街道华林苑社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '华林苑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '李村街道华林苑社区党群服务中心一楼', 34.607000, 112.575000, 'JY34103710010010',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371002001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '华林苑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '华林苑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '华林苑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '华林苑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 永泰嘉苑助餐点: 李村街道永泰嘉苑社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '永泰嘉苑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '李村街道永泰嘉苑社区社区养老服务站一楼', 34.609000, 112.585000, 'JY34103710010011',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371002002'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '永泰嘉苑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '永泰嘉苑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '永泰嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '永泰嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 兰台嘉苑东区助餐点: 李村街道兰台嘉苑社区, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '兰台嘉苑东区助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '李村街道兰台嘉苑社区东区社区养老服务站一楼', 34.607000, 112.595000, 'JY34103710010012',
       NULL, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371002003'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '兰台嘉苑东区助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '兰台嘉苑东区助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '兰台嘉苑东区助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '兰台嘉苑东区助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 兰台嘉苑西区助餐点: 李村街道兰台嘉苑社区, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '兰台嘉苑西区助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '李村街道兰台嘉苑社区西区社区养老服务站一楼', 34.609000, 112.605000, 'JY34103710010013',
       NULL, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371002003'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '兰台嘉苑西区助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '兰台嘉苑西区助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '兰台嘉苑西区助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '兰台嘉苑西区助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 新源嘉苑助餐点: 光武街道新源嘉苑社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '新源嘉苑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '光武街道新源嘉苑社区党群服务中心一楼', 34.622000, 112.575000, 'JY34103710010014',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371003001'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '新源嘉苑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '新源嘉苑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '新源嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '新源嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 吉庆嘉苑助餐点: 光武街道吉庆嘉苑社区, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '吉庆嘉苑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '光武街道吉庆嘉苑社区社区养老服务站一楼', 34.624000, 112.585000, 'JY34103710010015',
       NULL, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
WHERE c.division_code = '410371003002'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '吉庆嘉苑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '吉庆嘉苑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '吉庆嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0
      UNION ALL SELECT 'DELIVERY', 200) AS f
WHERE s.name = '吉庆嘉苑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 寇店村助餐点: 寇店镇寇店村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '寇店村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇寇店村党群服务中心一楼', 34.542000, 112.680000, 'JY34103710010016',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101200'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '寇店村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '寇店村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '寇店村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '寇店村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 马寨助餐点: 寇店镇马寨村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '马寨助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇马寨村村委会院内幸福院', 34.544000, 112.690000, 'JY34103710010017',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101206'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '马寨助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL
      UNION ALL SELECT 4, 'OPERATING', 'SUSPENDED', DATE '2025-06-30', '厨师离职，暂停供餐'
      UNION ALL SELECT 5, 'SUSPENDED', 'OPERATING', DATE '2025-09-30', NULL) AS h
WHERE s.name = '马寨助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '马寨助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '马寨助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 韩寨助餐点: 寇店镇韩寨村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '韩寨助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇韩寨村老年活动中心一楼', 34.542000, 112.700000, 'JY34103710010018',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101203'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '韩寨助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '韩寨助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '韩寨助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '韩寨助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 舜帝庙助餐点: 寇店镇舜帝庙村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '舜帝庙助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇舜帝庙村党群服务中心一楼', 34.544000, 112.710000, 'JY34103710010019',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101205'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '舜帝庙助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '舜帝庙助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '舜帝庙助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '舜帝庙助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 五龙助餐点: 寇店镇五龙村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '五龙助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇五龙村村委会院内幸福院', 34.542000, 112.720000, 'JY34103710010020',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101207'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '五龙助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '五龙助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '五龙助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '五龙助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 孙密助餐点: 寇店镇孙密村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '孙密助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇孙密村老年活动中心一楼', 34.550000, 112.680000, 'JY34103710010021',
       kitchen.id, DATE '2024-06-30', DATE '2025-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101221'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '孙密助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-06-30', NULL) AS h
WHERE s.name = '孙密助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '孙密助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '孙密助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 水泉助餐点: 寇店镇水泉村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '水泉助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇水泉村党群服务中心一楼', 34.552000, 112.690000, 'JY34103710010022',
       kitchen.id, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101211'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '水泉助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '水泉助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '水泉助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '水泉助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 刘李助餐点: 寇店镇刘李村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '刘李助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇刘李村村委会院内幸福院', 34.550000, 112.700000, 'JY34103710010023',
       kitchen.id, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101216'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '刘李助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '刘李助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '刘李助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '刘李助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 干村助餐点: 寇店镇干村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '干村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇干村老年活动中心一楼', 34.552000, 112.710000, 'JY34103710010024',
       kitchen.id, DATE '2024-09-30', DATE '2025-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101201'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '干村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-09-30', NULL) AS h
WHERE s.name = '干村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '干村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '干村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 二教塔助餐点: 寇店镇二教塔村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '二教塔助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇二教塔村党群服务中心一楼', 34.550000, 112.720000, 'JY34103710010025',
       kitchen.id, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101218'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '二教塔助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '二教塔助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '二教塔助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '二教塔助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 大王助餐点: 寇店镇大王村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '大王助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇大王村村委会院内幸福院', 34.558000, 112.680000, 'JY34103710010026',
       kitchen.id, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101209'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '大王助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '大王助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '大王助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '大王助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 李家寨助餐点: 寇店镇李家寨村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '李家寨助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇李家寨村老年活动中心一楼', 34.560000, 112.690000, 'JY34103710010027',
       kitchen.id, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101214'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '李家寨助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '李家寨助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '李家寨助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '李家寨助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 沙沟助餐点: 寇店镇沙沟村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '沙沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇沙沟村党群服务中心一楼', 34.558000, 112.700000, 'JY34103710010028',
       kitchen.id, DATE '2024-12-31', DATE '2025-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101208'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '沙沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-12-31', NULL) AS h
WHERE s.name = '沙沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '沙沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '沙沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 窑沟助餐点: 庞村镇窑沟村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '窑沟助餐点', 'MEAL_POINT', 'SUSPENDED', c.id, o.id, '庞村镇窑沟村党群服务中心一楼', 34.522000, 112.600000, 'JY34103710010029',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, '场地维修', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102200'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '窑沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL
      UNION ALL SELECT 4, 'OPERATING', 'SUSPENDED', DATE '2025-06-30', '场地维修') AS h
WHERE s.name = '窑沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '窑沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '窑沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 军屯助餐点: 庞村镇军屯村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '军屯助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇军屯村村委会院内幸福院', 34.524000, 112.610000, 'JY34103710010030',
       kitchen.id, DATE '2024-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102201'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '军屯助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '军屯助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '军屯助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '军屯助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 白草坡助餐点: 庞村镇白草坡村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '白草坡助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇白草坡村老年活动中心一楼', 34.522000, 112.620000, 'JY34103710010031',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102204'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '白草坡助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '白草坡助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '白草坡助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '白草坡助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 西庞村助餐点: 庞村镇西庞村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '西庞村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇西庞村党群服务中心一楼', 34.524000, 112.630000, 'JY34103710010032',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102207'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '西庞村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '西庞村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '西庞村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '西庞村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 门庄助餐点: 庞村镇门庄村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '门庄助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇门庄村村委会院内幸福院', 34.522000, 112.640000, 'JY34103710010033',
       kitchen.id, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102202'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '门庄助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '门庄助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '门庄助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '门庄助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 辛庄助餐点: 庞村镇辛庄村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '辛庄助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇辛庄村老年活动中心一楼', 34.530000, 112.600000, 'JY34103710010034',
       kitchen.id, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102203'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '辛庄助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '辛庄助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '辛庄助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '辛庄助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 掘山助餐点: 庞村镇掘山村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '掘山助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇掘山村党群服务中心一楼', 34.532000, 112.610000, 'JY34103710010035',
       kitchen.id, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102206'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '掘山助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '掘山助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '掘山助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '掘山助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 赵屯助餐点: 庞村镇赵屯村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '赵屯助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇赵屯村村委会院内幸福院', 34.530000, 112.620000, 'JY34103710010036',
       kitchen.id, DATE '2024-12-31', DATE '2024-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102209'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '赵屯助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-12-31', NULL) AS h
WHERE s.name = '赵屯助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '赵屯助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '赵屯助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 草店助餐点: 庞村镇草店村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '草店助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇草店村老年活动中心一楼', 34.532000, 112.630000, 'JY34103710010037',
       kitchen.id, DATE '2024-12-31', DATE '2025-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102205'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '草店助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-12-31', NULL) AS h
WHERE s.name = '草店助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '草店助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '草店助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 耿沟助餐点: 新诸葛镇耿沟村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '耿沟助餐点', 'MEAL_POINT', 'SUSPENDED', c.id, o.id, '新诸葛镇耿沟村党群服务中心一楼', 34.592000, 112.510000, 'JY34103710010038',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, '厨师离职，暂停供餐', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103200'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '耿沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL
      UNION ALL SELECT 4, 'OPERATING', 'SUSPENDED', DATE '2025-11-30', '厨师离职，暂停供餐') AS h
WHERE s.name = '耿沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '耿沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '耿沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 魏村助餐点: 新诸葛镇魏村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '魏村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇魏村村委会院内幸福院', 34.594000, 112.520000, 'JY34103710010039',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103205'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '魏村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '魏村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '魏村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '魏村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 雷村助餐点: 新诸葛镇雷村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '雷村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇雷村老年活动中心一楼', 34.592000, 112.530000, 'JY34103710010040',
       kitchen.id, DATE '2024-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103210'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '雷村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '雷村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '雷村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '雷村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 杨沟助餐点: 新诸葛镇杨沟村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '杨沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇杨沟村党群服务中心一楼', 34.594000, 112.540000, 'JY34103710010041',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103203'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '杨沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '杨沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '杨沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '杨沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 下徐马助餐点: 新诸葛镇下徐马村, plan 2024 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '下徐马助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇下徐马村村委会院内幸福院', 34.592000, 112.550000, 'JY34103710010042',
       kitchen.id, DATE '2024-03-31', DATE '2024-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103204'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '下徐马助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-03-31', NULL) AS h
WHERE s.name = '下徐马助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '下徐马助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '下徐马助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 袁沟助餐点: 新诸葛镇袁沟村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '袁沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇袁沟村老年活动中心一楼', 34.600000, 112.510000, 'JY34103710010043',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103207'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '袁沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '袁沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '袁沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '袁沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 东宋助餐点: 新诸葛镇东宋村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '东宋助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇东宋村党群服务中心一楼', 34.602000, 112.520000, 'JY34103710010044',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103201'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '东宋助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '东宋助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '东宋助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '东宋助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 南宋助餐点: 新诸葛镇南宋村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '南宋助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇南宋村村委会院内幸福院', 34.600000, 112.530000, 'JY34103710010045',
       kitchen.id, DATE '2024-06-30', DATE '2025-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103206'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '南宋助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-06-30', NULL) AS h
WHERE s.name = '南宋助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '南宋助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '南宋助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 刘沟助餐点: 新诸葛镇刘沟村, plan 2024 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '刘沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇刘沟村老年活动中心一楼', 34.602000, 112.540000, 'JY34103710010046',
       kitchen.id, DATE '2024-06-30', DATE '2024-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103202'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '刘沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-06-30', NULL) AS h
WHERE s.name = '刘沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '刘沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '刘沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 刘窑助餐点: 新诸葛镇刘窑村, plan 2024 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '刘窑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇刘窑村党群服务中心一楼', 34.600000, 112.550000, 'JY34103710010047',
       kitchen.id, DATE '2024-09-30', DATE '2024-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103209'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '刘窑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2024-09-30', NULL) AS h
WHERE s.name = '刘窑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '刘窑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '刘窑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 西山张助餐点: 新诸葛镇西山张村, plan 2024 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '西山张助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇西山张村村委会院内幸福院', 34.608000, 112.510000, 'JY34103710010048',
       kitchen.id, DATE '2024-12-31', DATE '2025-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103215'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '西山张助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2024-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2024-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-12-31', NULL) AS h
WHERE s.name = '西山张助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '西山张助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '西山张助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 李家村助餐点: 寇店镇李家村, plan 2025 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '李家村助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇李家村村委会院内幸福院', 34.560000, 112.710000, 'JY34103710010049',
       kitchen.id, DATE '2025-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101202'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '李家村助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '李家村助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '李家村助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '李家村助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 杨裴屯助餐点: 寇店镇杨裴屯村, plan 2025 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '杨裴屯助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇杨裴屯村老年活动中心一楼', 34.558000, 112.720000, 'JY34103710010050',
       kitchen.id, DATE '2025-06-30', DATE '2025-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101212'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '杨裴屯助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-06-30', NULL) AS h
WHERE s.name = '杨裴屯助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '杨裴屯助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '杨裴屯助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 朱窑助餐点: 寇店镇朱窑村, plan 2025 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '朱窑助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇朱窑村党群服务中心一楼', 34.566000, 112.680000, 'JY34103710010051',
       kitchen.id, DATE '2025-09-30', DATE '2025-09-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101213'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '朱窑助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-07-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-09-30', NULL) AS h
WHERE s.name = '朱窑助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '朱窑助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '朱窑助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 东朱助餐点: 寇店镇东朱村, plan 2025 Q4
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '东朱助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '寇店镇东朱村村委会院内幸福院', 34.568000, 112.690000, 'JY34103710010052',
       kitchen.id, DATE '2025-12-31', DATE '2025-12-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371101219'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '东朱助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-10-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-12-31', NULL) AS h
WHERE s.name = '东朱助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '东朱助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '东朱助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 东庞助餐点: 庞村镇东庞村, plan 2025 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '东庞助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇东庞村党群服务中心一楼', 34.530000, 112.640000, 'JY34103710010053',
       kitchen.id, DATE '2025-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102213'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '东庞助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '东庞助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '东庞助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '东庞助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 大庄助餐点: 庞村镇大庄村, plan 2025 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '大庄助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '庞村镇大庄村村委会院内幸福院', 34.538000, 112.600000, 'JY34103710010054',
       kitchen.id, DATE '2025-06-30', DATE '2025-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102210'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '大庄助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-06-30', NULL) AS h
WHERE s.name = '大庄助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '大庄助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '大庄助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 彭店寨助餐点: 庞村镇彭店寨村, plan 2025 Q3
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '彭店寨助餐点', 'MEAL_POINT', 'BUILDING', c.id, o.id, '庞村镇彭店寨村老年活动中心一楼', 34.540000, 112.610000, 'JY34103710010055',
       kitchen.id, DATE '2025-09-30', NULL, NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9LB5XJ7N'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371102212'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '彭店寨助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-07-01', NULL) AS h
WHERE s.name = '彭店寨助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '彭店寨助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '彭店寨助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 老井助餐点: 新诸葛镇老井村, plan 2025 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '老井助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇老井村老年活动中心一楼', 34.610000, 112.520000, 'JY34103710010056',
       kitchen.id, DATE '2025-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103212'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '老井助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '老井助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '老井助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '老井助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 潘沟助餐点: 新诸葛镇潘沟村, plan 2025 Q1
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '潘沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇潘沟村党群服务中心一楼', 34.608000, 112.530000, 'JY34103710010057',
       kitchen.id, DATE '2025-03-31', DATE '2025-03-31', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103208'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '潘沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-01-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-03-31', NULL) AS h
WHERE s.name = '潘沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '潘沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '潘沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;

-- 苏沟助餐点: 新诸葛镇苏沟村, plan 2025 Q2
INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                  supplied_by_id, planned_open_on, opened_on, closed_on, status_reason, version, created_at, updated_at)
SELECT '苏沟助餐点', 'MEAL_POINT', 'OPERATING', c.id, o.id, '新诸葛镇苏沟村村委会院内幸福院', 34.610000, 112.540000, 'JY34103710010058',
       kitchen.id, DATE '2025-06-30', DATE '2025-06-30', NULL, NULL, 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM region c
JOIN operator o ON o.credit_code = '91410300MA9GCY0B2D'
JOIN (SELECT id, name FROM site) AS kitchen ON kitchen.name = '伊滨区中央厨房'
WHERE c.division_code = '410371103216'
  AND NOT EXISTS (SELECT 1 FROM (SELECT name FROM site) AS existing WHERE existing.name = '苏沟助餐点');
INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
SELECT s.id, h.from_status, h.to_status, h.effective_on, h.reason, 'system', UTC_TIMESTAMP(6)
FROM site s
JOIN (SELECT 1 AS seq, CAST(NULL AS CHAR(16)) AS from_status, 'PLANNED' AS to_status, DATE '2025-01-01' AS effective_on, CAST(NULL AS CHAR(255)) AS reason
      UNION ALL SELECT 2, 'PLANNED', 'BUILDING', DATE '2025-04-01', NULL
      UNION ALL SELECT 3, 'BUILDING', 'OPERATING', DATE '2025-06-30', NULL) AS h
WHERE s.name = '苏沟助餐点'
  AND NOT EXISTS (SELECT 1 FROM (SELECT site_id FROM site_status_change) AS existing WHERE existing.site_id = s.id)
ORDER BY h.seq;
INSERT INTO site_slot (site_id, slot, serves_from, serves_to, seats, booking_cutoff)
SELECT s.id, t.slot, t.serves_from, t.serves_to, t.seats, SUBTIME(t.serves_from, TIME '01:30:00')
FROM site s
JOIN (SELECT 'LUNCH' AS slot, TIME '11:00:00' AS serves_from, TIME '13:00:00' AS serves_to, 30 AS seats) AS t
WHERE s.name = '苏沟助餐点'
ON DUPLICATE KEY UPDATE site_slot.site_id = site_slot.site_id;
INSERT INTO site_fulfilment (site_id, mode, fee_fen)
SELECT s.id, f.mode, f.fee_fen
FROM site s
JOIN (SELECT 'DINE_IN' AS mode, 0 AS fee_fen
      UNION ALL SELECT 'PICKUP', 0) AS f
WHERE s.name = '苏沟助餐点'
ON DUPLICATE KEY UPDATE site_fulfilment.site_id = site_fulfilment.site_id;
