package org.zhucan.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;

@Mapper
interface SubsidyMapper {

    int nextVersion(@Param("districtId") long districtId);

    void insertPolicy(@Param("key") GeneratedKey key, @Param("districtId") long districtId, @Param("version") int version,
                      @Param("name") String name, @Param("effectiveFrom") LocalDate effectiveFrom,
                      @Param("standardPrice") Money standardPrice, @Param("dinerFloor") Money dinerFloor,
                      @Param("mealsPerDay") int mealsPerDay, @Param("mealsPerSlot") int mealsPerSlot,
                      @Param("monthlyCap") Money monthlyCap, @Param("minimumAge") int minimumAge,
                      @Param("operatingSubsidy") Money operatingSubsidy, @Param("operatingSubsidySource") FundingSource operatingSubsidySource,
                      @Param("reassessmentMonths") int reassessmentMonths, @Param("assessmentGraceDays") int assessmentGraceDays,
                      @Param("createdBy") String createdBy, @Param("at") Instant at);

    void insertTier(@Param("key") GeneratedKey key, @Param("policyId") long policyId, @Param("position") int position,
                    @Param("slot") MealSlot slot, @Param("minAge") int minAge, @Param("maxAge") Integer maxAge,
                    @Param("subsidy") Money subsidy, @Param("minAbilityLevel") Integer minAbilityLevel);

    void insertTierCategories(@Param("tierId") long tierId, @Param("categories") Collection<DinerCategory> categories);

    void insertTierShares(@Param("tierId") long tierId, @Param("shares") List<SubsidyTier.FundingShare> shares);

    void insertScoreBands(@Param("policyId") long policyId, @Param("bands") List<SubsidyPolicyService.ScoreBandInput> bands);

    /** Lowest band first. */
    List<ScoreBand> findScoreBandsOf(@Param("policyIds") Collection<Long> policyIds);

    SubsidyPolicy findPolicy(@Param("id") long id);

    List<SubsidyPolicy> findPoliciesByIds(@Param("ids") java.util.Collection<Long> ids);

    /** Newest version first. */
    List<SubsidyPolicy> findPolicies(@Param("districtId") long districtId);

    /** The published version in force on the date: the latest effective date not after it, then the highest version. */
    SubsidyPolicy findPolicyInForce(@Param("districtId") long districtId, @Param("date") LocalDate date);

    int publish(@Param("id") long id, @Param("publishedBy") String publishedBy, @Param("at") Instant at);

    List<TierRow> findTiersOf(@Param("policyIds") Collection<Long> policyIds);

    List<TierCategoryRow> findTierCategoriesOf(@Param("policyIds") Collection<Long> policyIds);

    List<TierShareRow> findTierSharesOf(@Param("policyIds") Collection<Long> policyIds);

    record TierRow(long id, long policyId, int position, MealSlot slot, int minAge, Integer maxAge, Money subsidy, Integer minAbilityLevel) {
    }

    /** The reassessment schedule of every published version of the districts given by their division codes. */
    List<ScheduleRow> findSchedulesOfDistricts(@Param("districtCodes") Collection<String> districtCodes);

    record ScheduleRow(String districtCode, LocalDate effectiveFrom, int version, int reassessmentMonths, int assessmentGraceDays) {
    }

    /**
     * The categories named by the tiers that need an ability level, of the version in force on the date
     * in each district given by its division code; a tier for every category gives a null category.
     */
    List<AbilityNeedRow> findAbilityNeedsInForce(@Param("districtCodes") Collection<String> districtCodes, @Param("date") LocalDate date);

    record AbilityNeedRow(String districtCode, DinerCategory category) {
    }

    record TierCategoryRow(long tierId, DinerCategory category) {
    }

    record TierShareRow(long tierId, FundingSource source, Money amount, boolean remainder) {
    }
}
