-- Demo data: rectification cases in 伊滨区 (整改, 优胜劣汰; seed 002: 绩效考核不达标的运营机构予以淘汰). Loaded
-- after 080 (contracts); every statement is idempotent (keyed on the case's cause, as the application keys it).
--
--   * 洛阳颐康, 2025-11: scored 52.40, below 60. Warned, ordered to rectify by 2025-12-20, reported, failed the
--     re-inspection, and its contract for 韩寨村 was ended on 2025-12-31: the hand-over of 080 (韩寨助餐点 to 国创).
--   * 国创, 2026-08: scored 57.80. Warned, rectified by its deadline, passed the re-inspection: RECTIFIED.
--   * 国创, 2026-10: scored 58.50. Warned and ordered to rectify within two weeks of the day the demo was loaded:
--     a rectification under way, which the operator account sees and may report on.

INSERT INTO rectification_case (operator_id, district_id, site_id, cause, cause_key, evaluation_month, score, threshold, inspection_id,
                                status, rectification_due, operator_report, reported_at, terminated_contract_id, opened_at, updated_at)
SELECT o.id, d.id, NULL, 'LOW_SCORE', CONCAT('EVALUATION:', d.id, ':2025-11:', o.id), DATE '2025-11-01', 52.40, 60.00, NULL,
       'TERMINATED', DATE '2025-12-20', '已更换厨师长，补齐进货查验记录，加强老人满意度回访。', TIMESTAMP '2025-12-18 02:00:00',
       oc.id, TIMESTAMP '2025-12-01 02:00:00', TIMESTAMP '2025-12-23 02:00:00'
FROM operator o
JOIN region d ON d.division_code = '410371000000'
JOIN operator_contract oc ON oc.note = 'demo: 韩寨村 by 颐康'
WHERE o.credit_code = '91410300MA9LB5XJ7N'
  AND NOT EXISTS (SELECT 1 FROM (SELECT cause_key FROM rectification_case) AS existing
                  WHERE existing.cause_key = CONCAT('EVALUATION:', d.id, ':2025-11:', o.id));

INSERT INTO rectification_case (operator_id, district_id, site_id, cause, cause_key, evaluation_month, score, threshold, inspection_id,
                                status, rectification_due, operator_report, reported_at, opened_at, updated_at)
SELECT o.id, d.id, NULL, 'LOW_SCORE', CONCAT('EVALUATION:', d.id, ':2026-08:', o.id), DATE '2026-08-01', 57.80, 60.00, NULL,
       'RECTIFIED', DATE '2026-09-30', '补齐留样记录，调整午餐出餐时间，满意度回访两轮。', TIMESTAMP '2026-09-25 02:00:00',
       TIMESTAMP '2026-09-01 02:00:00', TIMESTAMP '2026-10-08 02:00:00'
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9GCY0B2D'
  AND NOT EXISTS (SELECT 1 FROM (SELECT cause_key FROM rectification_case) AS existing
                  WHERE existing.cause_key = CONCAT('EVALUATION:', d.id, ':2026-08:', o.id));

INSERT INTO rectification_case (operator_id, district_id, site_id, cause, cause_key, evaluation_month, score, threshold, inspection_id,
                                status, rectification_due, opened_at, updated_at)
SELECT o.id, d.id, NULL, 'LOW_SCORE', CONCAT('EVALUATION:', d.id, ':2026-10:', o.id), DATE '2026-10-01', 58.50, 60.00, NULL,
       'RECTIFYING', CURRENT_DATE + INTERVAL 14 DAY, UTC_TIMESTAMP(6) - INTERVAL 2 DAY, UTC_TIMESTAMP(6)
FROM operator o JOIN region d ON d.division_code = '410371000000'
WHERE o.credit_code = '91410300MA9GCY0B2D'
  AND NOT EXISTS (SELECT 1 FROM (SELECT cause_key FROM rectification_case) AS existing
                  WHERE existing.cause_key = CONCAT('EVALUATION:', d.id, ':2026-10:', o.id));

-- the steps, once per case: (month, kind, before, after, note, due, actor, when)
INSERT INTO rectification_step (case_id, kind, status_before, status_after, note, due, actor, acted_at)
SELECT c.id, s.kind, s.status_before, s.status_after, s.note, s.due, s.actor, s.acted_at
FROM rectification_case c
JOIN region d ON d.id = c.district_id AND d.division_code = '410371000000'
JOIN (
    SELECT '2025-11' AS month, 1 AS position, 'OPENED' AS kind, NULL AS status_before, 'OPEN' AS status_after,
           '2025-11 运营考核得分 52.40，低于 60 分（考核不达标）' AS note, NULL AS due, 'finance' AS actor,
           TIMESTAMP '2025-12-01 02:00:00' AS acted_at
    UNION ALL SELECT '2025-11', 2, 'WARNING_ISSUED', 'OPEN', 'WARNED', '考核不达标，书面警告，约谈运营负责人', NULL, 'admin', TIMESTAMP '2025-12-02 02:00:00'
    UNION ALL SELECT '2025-11', 3, 'RECTIFICATION_ORDERED', 'WARNED', 'RECTIFYING', '限期整改：满意度、留样、进货查验', DATE '2025-12-20', 'admin',
                     TIMESTAMP '2025-12-03 02:00:00'
    UNION ALL SELECT '2025-11', 4, 'REPORT_SUBMITTED', 'RECTIFYING', 'RECTIFYING', '已更换厨师长，补齐进货查验记录，加强老人满意度回访。', NULL,
                     'yikang', TIMESTAMP '2025-12-18 02:00:00'
    UNION ALL SELECT '2025-11', 5, 'REINSPECTION_FAILED', 'RECTIFYING', 'REINSPECTION_FAILED', '复查：韩寨助餐点留样仍不全，满意度未改善', NULL,
                     'admin', TIMESTAMP '2025-12-22 02:00:00'
    UNION ALL SELECT '2025-11', 6, 'CONTRACT_TERMINATED', 'REINSPECTION_FAILED', 'TERMINATED',
                     '整改复查不合格，终止韩寨村运营合同（2025-12-31 止），予以淘汰；韩寨助餐点自 2026-01-01 由国创运营', NULL, 'admin',
                     TIMESTAMP '2025-12-23 02:00:00'
    UNION ALL SELECT '2026-08', 1, 'OPENED', NULL, 'OPEN', '2026-08 运营考核得分 57.80，低于 60 分（考核不达标）', NULL, 'finance',
                     TIMESTAMP '2026-09-01 02:00:00'
    UNION ALL SELECT '2026-08', 2, 'WARNING_ISSUED', 'OPEN', 'WARNED', '考核不达标，书面警告', NULL, 'admin', TIMESTAMP '2026-09-02 02:00:00'
    UNION ALL SELECT '2026-08', 3, 'RECTIFICATION_ORDERED', 'WARNED', 'RECTIFYING', '限期整改：留样记录、出餐时间', DATE '2026-09-30', 'admin',
                     TIMESTAMP '2026-09-03 02:00:00'
    UNION ALL SELECT '2026-08', 4, 'REPORT_SUBMITTED', 'RECTIFYING', 'RECTIFYING', '补齐留样记录，调整午餐出餐时间，满意度回访两轮。', NULL,
                     'operator', TIMESTAMP '2026-09-25 02:00:00'
    UNION ALL SELECT '2026-08', 5, 'REINSPECTION_PASSED', 'RECTIFYING', 'RECTIFIED', '复查合格，结案', NULL, 'admin',
                     TIMESTAMP '2026-10-08 02:00:00'
    UNION ALL SELECT '2026-10', 1, 'OPENED', NULL, 'OPEN', '2026-10 运营考核得分 58.50，低于 60 分（考核不达标）', NULL, 'finance',
                     UTC_TIMESTAMP(6) - INTERVAL 2 DAY
    UNION ALL SELECT '2026-10', 2, 'WARNING_ISSUED', 'OPEN', 'WARNED', '考核不达标，书面警告', NULL, 'admin', UTC_TIMESTAMP(6) - INTERVAL 1 DAY
    UNION ALL SELECT '2026-10', 3, 'RECTIFICATION_ORDERED', 'WARNED', 'RECTIFYING', '限期两周整改：到餐率、满意度', CURRENT_DATE + INTERVAL 14 DAY,
                     'admin', UTC_TIMESTAMP(6)
) s ON c.cause_key = CONCAT('EVALUATION:', d.id, ':', s.month, ':', c.operator_id)
WHERE NOT EXISTS (SELECT 1 FROM (SELECT case_id FROM rectification_step) AS existing WHERE existing.case_id = c.id)
ORDER BY c.id, s.position;
