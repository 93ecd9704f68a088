-- Demo data: the coverage targets of the Yibin district's ledger, in basis points (6000 = 60.00%).
-- Loaded only when ZHUCAN_DEMO_DATA=true, after 010; idempotent (keyed by region, year and metric,
-- an existing target is left as it is).
--   * seed 001 item 24 (规划区外“村改居”助餐点): 点位运营率 60% in 2024 and 80% in 2025 for each town.
--   * seed 001 item 23 (规划区内助餐点): 全覆盖 in 2024 for each street.
--   * seed 002: 40% of the district's communities covered in 2025.
INSERT INTO coverage_target (region_id, year, metric, target_basis_points, updated_at)
SELECT r.id, t.target_year, t.metric, t.target_basis_points, UTC_TIMESTAMP(6)
FROM (SELECT '410371101000' AS division_code, 2024 AS target_year, 'OPERATING_RATE' AS metric, 6000 AS target_basis_points -- 寇店镇
      UNION ALL SELECT '410371101000', 2025, 'OPERATING_RATE', 8000
      UNION ALL SELECT '410371102000', 2024, 'OPERATING_RATE', 6000 -- 庞村镇
      UNION ALL SELECT '410371102000', 2025, 'OPERATING_RATE', 8000
      UNION ALL SELECT '410371103000', 2024, 'OPERATING_RATE', 6000 -- 新诸葛镇
      UNION ALL SELECT '410371103000', 2025, 'OPERATING_RATE', 8000
      UNION ALL SELECT '410371001000', 2024, 'COVERAGE', 10000 -- 孝文街道
      UNION ALL SELECT '410371002000', 2024, 'COVERAGE', 10000 -- 李村街道
      UNION ALL SELECT '410371003000', 2024, 'COVERAGE', 10000 -- 光武街道
      UNION ALL SELECT '410371000000', 2025, 'COVERAGE', 4000) AS t -- 伊滨区
JOIN region r ON r.division_code = t.division_code
ON DUPLICATE KEY UPDATE coverage_target.target_basis_points = coverage_target.target_basis_points;
