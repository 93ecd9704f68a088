-- Demo data: a quality-weighted operating subsidy (issue 24.4; seed 002 绩效考核, Beijing and Huangpu
-- practice). 伊滨区 publishes a new version of its policy from the first day of next year (counted from
-- the day the demo is loaded): the same tiers as version 1, and an operating subsidy of 2.00 per diner
-- served per day from the district, scaled by the operator's frozen evaluation score of the month:
-- below 60 nothing, 60–79.99 60 %, 80–89.99 90 %, 90 and up 100 %.
--
-- It starts next year so that no statement or quote the demo and the README show today changes: from
-- then on a month's statement waits for that month's evaluation to be closed (closeEvaluationMonth).
-- Found by its name, not its number: a database where someone already drafted a version 2 keeps it,
-- and this one takes the next number. Idempotent.
INSERT INTO subsidy_policy (district_id, version, status, name, effective_from, diner_floor_fen, meals_per_day, meals_per_slot,
                            monthly_cap_fen, minimum_age, standard_price_fen, operating_subsidy_fen, operating_subsidy_source,
                            created_by, created_at, published_by, published_at)
SELECT r.id, (SELECT COALESCE(MAX(v.version), 0) + 1 FROM subsidy_policy v WHERE v.district_id = r.id),
       'PUBLISHED', '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）', DATE_FORMAT(CURDATE() + INTERVAL 1 YEAR, '%Y-01-01'), 100, 1, 1, NULL, 60, 1200,
       200, 'DISTRICT', 'system', UTC_TIMESTAMP(6), 'system', UTC_TIMESTAMP(6)
FROM region r
WHERE r.division_code = '410371000000'
  AND NOT EXISTS (SELECT 1 FROM subsidy_policy p WHERE p.district_id = r.id AND p.name = '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）');

INSERT INTO subsidy_policy_score_band (policy_id, min_score, percent_bp)
SELECT p.id, band.min_score, band.percent_bp
FROM subsidy_policy p
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
CROSS JOIN (SELECT 0 AS min_score, 0 AS percent_bp
            UNION ALL SELECT 60, 6000
            UNION ALL SELECT 80, 9000
            UNION ALL SELECT 90, 10000) AS band
WHERE p.name = '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）'
ON DUPLICATE KEY UPDATE subsidy_policy_score_band.percent_bp = subsidy_policy_score_band.percent_bp;

-- The tiers, their categories and shares: version 1's, copied.
INSERT INTO subsidy_tier (policy_id, position, slot, min_age, max_age, subsidy_fen, min_ability_level)
SELECT p.id, t.position, t.slot, t.min_age, t.max_age, t.subsidy_fen, t.min_ability_level
FROM subsidy_policy p
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
JOIN subsidy_policy v1 ON v1.district_id = r.id AND v1.version = 1
JOIN subsidy_tier t ON t.policy_id = v1.id
WHERE p.name = '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）'
  AND NOT EXISTS (SELECT 1 FROM subsidy_tier x WHERE x.policy_id = p.id);

INSERT INTO subsidy_tier_category (tier_id, category)
SELECT t.id, c.category
FROM subsidy_policy p
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
JOIN subsidy_policy v1 ON v1.district_id = r.id AND v1.version = 1
JOIN subsidy_tier t1 ON t1.policy_id = v1.id
JOIN subsidy_tier_category c ON c.tier_id = t1.id
JOIN subsidy_tier t ON t.policy_id = p.id AND t.position = t1.position
WHERE p.name = '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）'
ON DUPLICATE KEY UPDATE subsidy_tier_category.category = subsidy_tier_category.category;

INSERT INTO subsidy_tier_share (tier_id, position, source, amount_fen, is_remainder)
SELECT t.id, s.position, s.source, s.amount_fen, s.is_remainder
FROM subsidy_policy p
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
JOIN subsidy_policy v1 ON v1.district_id = r.id AND v1.version = 1
JOIN subsidy_tier t1 ON t1.policy_id = v1.id
JOIN subsidy_tier_share s ON s.tier_id = t1.id
JOIN subsidy_tier t ON t.policy_id = p.id AND t.position = t1.position
WHERE p.name = '伊滨区老年助餐补贴（演示·运营补贴绩效挂钩）'
ON DUPLICATE KEY UPDATE subsidy_tier_share.position = subsidy_tier_share.position;
