-- Demo subsidy policy of 伊滨区 (public district practice), published, in force from 2024-01-01:
-- a 12-yuan standard meal; 11 yuan for 特困, 低保, 低保边缘 and 优抚 aged 60+; 9 yuan for 80+;
-- 7 yuan for 60-79; city 3 + district 3 + the rest from the town or street; one subsidised meal a
-- day; the diner always pays at least 1 yuan. Lunch only. Idempotent: version 1 is written once.
INSERT INTO subsidy_policy (district_id, version, status, name, effective_from, diner_floor_fen, meals_per_day, meals_per_slot,
                            monthly_cap_fen, minimum_age, standard_price_fen, created_by, created_at, published_by, published_at)
SELECT r.id, 1, 'PUBLISHED', '伊滨区老年助餐补贴（演示）', '2024-01-01', 100, 1, 1, NULL, 60, 1200, 'system', UTC_TIMESTAMP(6),
       'system', UTC_TIMESTAMP(6)
FROM region r WHERE r.division_code = '410371000000'
ON DUPLICATE KEY UPDATE subsidy_policy.version = subsidy_policy.version;

INSERT INTO subsidy_tier (policy_id, position, slot, min_age, max_age, subsidy_fen)
SELECT p.id, tier.position, 'LUNCH', tier.min_age, tier.max_age, tier.subsidy_fen
FROM subsidy_policy p
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
JOIN (SELECT 0 AS position, 60 AS min_age, NULL AS max_age, 1100 AS subsidy_fen
      UNION ALL SELECT 1, 80, NULL, 900
      UNION ALL SELECT 2, 60, 79, 700) AS tier
WHERE p.version = 1
ON DUPLICATE KEY UPDATE subsidy_tier.position = subsidy_tier.position;

INSERT INTO subsidy_tier_category (tier_id, category)
SELECT t.id, category.name
FROM subsidy_tier t
JOIN subsidy_policy p ON p.id = t.policy_id AND p.version = 1
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
CROSS JOIN (SELECT 'EXTREME_POVERTY' AS name UNION ALL SELECT 'MIN_LIVING' UNION ALL SELECT 'LOW_INCOME_EDGE'
            UNION ALL SELECT 'ENTITLED') AS category
WHERE t.position = 0
ON DUPLICATE KEY UPDATE subsidy_tier_category.category = subsidy_tier_category.category;

INSERT INTO subsidy_tier_share (tier_id, position, source, amount_fen, is_remainder)
SELECT t.id, split.position, split.source, split.amount_fen, split.is_remainder
FROM subsidy_tier t
JOIN subsidy_policy p ON p.id = t.policy_id AND p.version = 1
JOIN region r ON r.id = p.district_id AND r.division_code = '410371000000'
CROSS JOIN (SELECT 0 AS position, 'CITY' AS source, 300 AS amount_fen, FALSE AS is_remainder
            UNION ALL SELECT 1, 'DISTRICT', 300, FALSE
            UNION ALL SELECT 2, 'TOWN_OR_STREET', NULL, TRUE) AS split
WHERE t.position BETWEEN 0 AND 2
ON DUPLICATE KEY UPDATE subsidy_tier_share.position = subsidy_tier_share.position;
