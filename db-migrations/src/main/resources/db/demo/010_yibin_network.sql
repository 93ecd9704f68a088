-- Demo data: the Yibin district (伊滨区, Luoyang) of seed 001 with the streets, towns,
-- communities and villages its 2024-2026 ledger names. Loaded only when ZHUCAN_DEMO_DATA=true;
-- every statement is idempotent (a second load changes nothing).
-- The district code is the 6-digit code used for 洛阳市城乡一体化示范区; the codes below it follow
-- the 12-digit pattern (乡级 001-199 for streets and towns, 居委会 001-199, 村委会 200-399) but are
-- assigned for the demo, not taken from the national list.

INSERT INTO region (parent_id, division_code, name, level, path, created_at)
VALUES (NULL, '410371000000', '伊滨区', 'DISTRICT', '/410371000000/', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE division_code = division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001000', '孝文街道', 'SUBDISTRICT', CONCAT(parent.path, '410371001000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001001', '正泰新都社区', 'COMMUNITY', CONCAT(parent.path, '410371001001', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001002', '兴隆悦府社区', 'COMMUNITY', CONCAT(parent.path, '410371001002', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001003', '西韩社区', 'COMMUNITY', CONCAT(parent.path, '410371001003', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001004', '刘井社区', 'COMMUNITY', CONCAT(parent.path, '410371001004', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001005', '诸葛社区', 'COMMUNITY', CONCAT(parent.path, '410371001005', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001006', '西马社区', 'COMMUNITY', CONCAT(parent.path, '410371001006', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001007', '德馨园社区', 'COMMUNITY', CONCAT(parent.path, '410371001007', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001008', '正泰嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371001008', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371001009', '云星誉园社区', 'COMMUNITY', CONCAT(parent.path, '410371001009', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371001000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371002000', '李村街道', 'SUBDISTRICT', CONCAT(parent.path, '410371002000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371002001', '华林苑社区', 'COMMUNITY', CONCAT(parent.path, '410371002001', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371002000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371002002', '永泰嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371002002', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371002000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371002003', '兰台嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371002003', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371002000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371002004', '正弘悦府社区', 'COMMUNITY', CONCAT(parent.path, '410371002004', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371002000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003000', '光武街道', 'SUBDISTRICT', CONCAT(parent.path, '410371003000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003001', '新源嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371003001', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371003000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003002', '吉庆嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371003002', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371003000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003003', '玉泉嘉苑社区', 'COMMUNITY', CONCAT(parent.path, '410371003003', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371003000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003004', '天明城社区', 'COMMUNITY', CONCAT(parent.path, '410371003004', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371003000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371003005', '中电银河湾社区', 'COMMUNITY', CONCAT(parent.path, '410371003005', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371003000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101000', '寇店镇', 'TOWN', CONCAT(parent.path, '410371101000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101200', '寇店村', 'VILLAGE', CONCAT(parent.path, '410371101200', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101201', '干村', 'VILLAGE', CONCAT(parent.path, '410371101201', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101202', '李家村', 'VILLAGE', CONCAT(parent.path, '410371101202', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101203', '韩寨村', 'VILLAGE', CONCAT(parent.path, '410371101203', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101204', '孙窑村', 'VILLAGE', CONCAT(parent.path, '410371101204', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101205', '舜帝庙村', 'VILLAGE', CONCAT(parent.path, '410371101205', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101206', '马寨村', 'VILLAGE', CONCAT(parent.path, '410371101206', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101207', '五龙村', 'VILLAGE', CONCAT(parent.path, '410371101207', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101208', '沙沟村', 'VILLAGE', CONCAT(parent.path, '410371101208', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101209', '大王村', 'VILLAGE', CONCAT(parent.path, '410371101209', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101210', '常村', 'VILLAGE', CONCAT(parent.path, '410371101210', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101211', '水泉村', 'VILLAGE', CONCAT(parent.path, '410371101211', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101212', '杨裴屯村', 'VILLAGE', CONCAT(parent.path, '410371101212', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101213', '朱窑村', 'VILLAGE', CONCAT(parent.path, '410371101213', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101214', '李家寨村', 'VILLAGE', CONCAT(parent.path, '410371101214', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101215', '封沟村', 'VILLAGE', CONCAT(parent.path, '410371101215', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101216', '刘李村', 'VILLAGE', CONCAT(parent.path, '410371101216', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101217', '杜寨村', 'VILLAGE', CONCAT(parent.path, '410371101217', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101218', '二教塔村', 'VILLAGE', CONCAT(parent.path, '410371101218', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101219', '东朱村', 'VILLAGE', CONCAT(parent.path, '410371101219', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101220', '西朱村', 'VILLAGE', CONCAT(parent.path, '410371101220', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371101221', '孙密村', 'VILLAGE', CONCAT(parent.path, '410371101221', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371101000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102000', '庞村镇', 'TOWN', CONCAT(parent.path, '410371102000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102200', '窑沟村', 'VILLAGE', CONCAT(parent.path, '410371102200', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102201', '军屯村', 'VILLAGE', CONCAT(parent.path, '410371102201', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102202', '门庄村', 'VILLAGE', CONCAT(parent.path, '410371102202', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102203', '辛庄村', 'VILLAGE', CONCAT(parent.path, '410371102203', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102204', '白草坡村', 'VILLAGE', CONCAT(parent.path, '410371102204', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102205', '草店村', 'VILLAGE', CONCAT(parent.path, '410371102205', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102206', '掘山村', 'VILLAGE', CONCAT(parent.path, '410371102206', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102207', '西庞村', 'VILLAGE', CONCAT(parent.path, '410371102207', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102208', '彭店村', 'VILLAGE', CONCAT(parent.path, '410371102208', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102209', '赵屯村', 'VILLAGE', CONCAT(parent.path, '410371102209', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102210', '大庄村', 'VILLAGE', CONCAT(parent.path, '410371102210', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102211', '九贤村', 'VILLAGE', CONCAT(parent.path, '410371102211', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102212', '彭店寨村', 'VILLAGE', CONCAT(parent.path, '410371102212', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371102213', '东庞村', 'VILLAGE', CONCAT(parent.path, '410371102213', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371102000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103000', '新诸葛镇', 'TOWN', CONCAT(parent.path, '410371103000', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371000000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103200', '耿沟村', 'VILLAGE', CONCAT(parent.path, '410371103200', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103201', '东宋村', 'VILLAGE', CONCAT(parent.path, '410371103201', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103202', '刘沟村', 'VILLAGE', CONCAT(parent.path, '410371103202', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103203', '杨沟村', 'VILLAGE', CONCAT(parent.path, '410371103203', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103204', '下徐马村', 'VILLAGE', CONCAT(parent.path, '410371103204', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103205', '魏村', 'VILLAGE', CONCAT(parent.path, '410371103205', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103206', '南宋村', 'VILLAGE', CONCAT(parent.path, '410371103206', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103207', '袁沟村', 'VILLAGE', CONCAT(parent.path, '410371103207', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103208', '潘沟村', 'VILLAGE', CONCAT(parent.path, '410371103208', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103209', '刘窑村', 'VILLAGE', CONCAT(parent.path, '410371103209', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103210', '雷村', 'VILLAGE', CONCAT(parent.path, '410371103210', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103211', '苇园村', 'VILLAGE', CONCAT(parent.path, '410371103211', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103212', '老井村', 'VILLAGE', CONCAT(parent.path, '410371103212', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103213', '陈沟村', 'VILLAGE', CONCAT(parent.path, '410371103213', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103214', '上徐马村', 'VILLAGE', CONCAT(parent.path, '410371103214', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103215', '西山张村', 'VILLAGE', CONCAT(parent.path, '410371103215', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;
INSERT INTO region (parent_id, division_code, name, level, path, created_at)
SELECT parent.id, '410371103216', '苏沟村', 'VILLAGE', CONCAT(parent.path, '410371103216', '/'), UTC_TIMESTAMP(6) FROM region parent WHERE parent.division_code = '410371103000'
ON DUPLICATE KEY UPDATE region.division_code = region.division_code;

-- Two operators (运营主体): the district's state platform company (国创公司 in the seeds) and a
-- catering enterprise. Names and credit codes are demo values with valid GB 32100 check characters.
INSERT INTO operator (name, credit_code, kind, created_at)
VALUES ('伊滨国创养老服务有限公司', '91410300MA9GCY0B2D', 'STATE_PLATFORM', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE credit_code = credit_code;
INSERT INTO operator (name, credit_code, kind, created_at)
VALUES ('洛阳颐康餐饮管理有限公司', '91410300MA9LB5XJ7N', 'CATERING_ENTERPRISE', UTC_TIMESTAMP(6))
ON DUPLICATE KEY UPDATE credit_code = credit_code;
