-- Assessments that matter (能力评估与供给挂钩, seed 001: 将老年人综合能力评估结果与…供给标准…相挂钩;
-- 常态化开展评估，半年一次). A policy says how often a diner is reassessed (months after the assessment,
-- 6 by default) and how long a tier that needs an ability level still applies once the reassessment
-- is due (grace days, 30 by default); a tier may need an ability level (0 able .. 4 completely unable).
-- Published policies keep these numbers as they were published: the defaults are what they always meant.
ALTER TABLE subsidy_policy ADD COLUMN reassessment_months INT NOT NULL DEFAULT 6;
ALTER TABLE subsidy_policy ADD COLUMN assessment_grace_days INT NOT NULL DEFAULT 30;
ALTER TABLE subsidy_policy ADD CONSTRAINT ck_subsidy_policy_assessment
    CHECK (reassessment_months BETWEEN 1 AND 60 AND assessment_grace_days BETWEEN 0 AND 366);

-- NULL: the tier needs no assessment; 0..4: it needs an assessment in force at that level or above.
ALTER TABLE subsidy_tier ADD COLUMN min_ability_level INT NULL;
ALTER TABLE subsidy_tier ADD CONSTRAINT ck_subsidy_tier_ability CHECK (min_ability_level IS NULL OR min_ability_level BETWEEN 0 AND 4);
