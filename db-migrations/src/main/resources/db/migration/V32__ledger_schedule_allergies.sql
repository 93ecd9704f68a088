-- Allergies, diet needs and the 三减三健 amounts (seed 002: 减盐、减油、减糖), as structured values.
--
-- Allergens are the eight groups GB 7718 names for labelling (含麸质的谷物, 甲壳纲类动物, 鱼类, 蛋类,
-- 花生, 大豆, 乳及乳制品, 坚果) and sesame, which Chinese kitchens use widely. SET columns: the
-- database refuses any value outside the list, so neither a diner's allergies nor a dish's allergens
-- can drift back into free text. The site schedule (点位建设台账) needs no new column: it reads
-- site.planned_open_on and site.opened_on, which V2 already stores.

-- A diner's allergies and diet needs. Health data: personal, read only where the diner row is.
ALTER TABLE diner
    ADD COLUMN allergies  SET('GLUTEN', 'CRUSTACEAN', 'FISH', 'EGG', 'PEANUT', 'SOY', 'MILK', 'TREE_NUT', 'SESAME') NOT NULL DEFAULT '',
    ADD COLUMN diet_needs SET('SOFT', 'MINCED', 'LIQUID', 'LOW_SALT', 'LOW_SUGAR', 'LOW_FAT', 'DIABETIC_FRIENDLY', 'HALAL', 'VEGETARIAN')
        NOT NULL DEFAULT '';

-- Until now the menu read a diner's needs out of the free-text notes by keyword; the same keywords
-- become the structured needs, so no diner loses a need the notes gave. The notes stay as they are.
UPDATE diner
SET diet_needs = CONCAT_WS(',',
        IF(dietary_notes LIKE '%软食%', 'SOFT', NULL),
        IF(dietary_notes LIKE '%碎食%', 'MINCED', NULL),
        IF(dietary_notes LIKE '%流食%', 'LIQUID', NULL),
        IF(dietary_notes LIKE '%低盐%', 'LOW_SALT', NULL),
        IF(dietary_notes LIKE '%低糖%', 'LOW_SUGAR', NULL),
        IF(dietary_notes LIKE '%低脂%', 'LOW_FAT', NULL),
        IF(dietary_notes LIKE '%糖尿病%', 'DIABETIC_FRIENDLY', NULL),
        IF(dietary_notes LIKE '%清真%', 'HALAL', NULL),
        IF(dietary_notes LIKE '%素食%', 'VEGETARIAN', NULL))
WHERE dietary_notes IS NOT NULL;

-- A dish's allergens become the same coded set. The old free text is kept, renamed, and no longer
-- read: nothing an operator typed is lost, and what the keywords recognise is carried over.
ALTER TABLE dish CHANGE COLUMN allergens allergens_text VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE dish
    ADD COLUMN allergens  SET('GLUTEN', 'CRUSTACEAN', 'FISH', 'EGG', 'PEANUT', 'SOY', 'MILK', 'TREE_NUT', 'SESAME') NOT NULL DEFAULT '',
    -- per portion, in milligrams: exact sums for a meal, shown in grams
    ADD COLUMN salt_mg  INT NULL,
    ADD COLUMN oil_mg   INT NULL,
    ADD COLUMN sugar_mg INT NULL,
    ADD CONSTRAINT ck_dish_reduction CHECK ((salt_mg IS NULL OR salt_mg BETWEEN 0 AND 100000)
        AND (oil_mg IS NULL OR oil_mg BETWEEN 0 AND 500000) AND (sugar_mg IS NULL OR sugar_mg BETWEEN 0 AND 500000));
UPDATE dish
SET allergens = CONCAT_WS(',',
        IF(allergens_text LIKE '%麸质%' OR allergens_text LIKE '%小麦%' OR allergens_text LIKE '%面筋%', 'GLUTEN', NULL),
        IF(allergens_text LIKE '%虾%' OR allergens_text LIKE '%蟹%' OR allergens_text LIKE '%甲壳%', 'CRUSTACEAN', NULL),
        IF(allergens_text LIKE '%鱼%', 'FISH', NULL),
        IF(allergens_text LIKE '%蛋%', 'EGG', NULL),
        IF(allergens_text LIKE '%花生%', 'PEANUT', NULL),
        IF(allergens_text LIKE '%大豆%' OR allergens_text LIKE '%黄豆%' OR allergens_text LIKE '%豆制品%', 'SOY', NULL),
        IF(allergens_text LIKE '%奶%' OR allergens_text LIKE '%乳%', 'MILK', NULL),
        IF(allergens_text LIKE '%坚果%' OR allergens_text LIKE '%核桃%' OR allergens_text LIKE '%杏仁%' OR allergens_text LIKE '%腰果%', 'TREE_NUT', NULL),
        IF(allergens_text LIKE '%芝麻%', 'SESAME', NULL))
WHERE allergens_text <> '';
