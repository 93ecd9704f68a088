package org.zhucan.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/** Versioned subsidy policies per district. Every role reads them; ADMIN drafts and publishes. */
@Service
public class SubsidyPolicyService {

    static final int DEFAULT_MINIMUM_AGE = 60;
    static final int MAX_REASSESSMENT_MONTHS = 60;
    static final int MAX_GRACE_DAYS = 366;

    private final SubsidyMapper policies;
    private final NetworkAccess networkAccess;
    private final RegionService regionService;
    private final AuditService audit;
    private final Clock clock;

    /** The policy in force by district and date (empty: none), and each district's reassessment schedules. */
    private final ReferenceCache.Shelf<String, java.util.Optional<SubsidyRules.Policy>> cachedInForce;
    private final ReferenceCache.Shelf<String, AssessmentSchedules> cachedSchedules;

    SubsidyPolicyService(SubsidyMapper policies, NetworkAccess networkAccess, RegionService regionService, AuditService audit, Clock clock,
                         ReferenceCache cache) {
        this.cachedInForce = cache.shelf("policiesInForce", 10_000);
        this.cachedSchedules = cache.shelf("assessmentSchedules", 1_000);
        this.networkAccess = networkAccess;
        this.policies = policies;
        this.regionService = regionService;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SubsidyPolicy> policiesOf(long districtId) {
        regionService.require(districtId);
        return policies.findPolicies(districtId);
    }

    /** The published version in force in the district on the date, with its tiers, as the rules need it; null when none. */
    @Transactional(readOnly = true)
    public SubsidyRules.Policy policyInForce(long districtId, LocalDate date) {
        return cachedInForce.get(districtId + ":" + date, key -> java.util.Optional.ofNullable(readPolicyInForce(districtId, date))).orElse(null);
    }

    /**
     * Drops every policy and schedule held in memory, on every instance, once the current transaction
     * commits: what is in force on a date changes only when a version is published, which is rare.
     */
    private void evictPolicies() {
        cachedInForce.evictAll();
        cachedSchedules.evictAll();
    }

    private SubsidyRules.Policy readPolicyInForce(long districtId, LocalDate date) {
        SubsidyPolicy policy = policies.findPolicyInForce(districtId, date);
        if (policy == null) {
            return null;
        }
        List<SubsidyRules.Tier> tiers = tiersOf(List.of(policy.id())).get(policy.id()).stream().map(SubsidyTier::toRule).toList();
        return new SubsidyRules.Policy(policy.id(), policy.version(), policy.dinerFloor().fen(), policy.mealsPerDay(), policy.mealsPerSlot(),
                policy.monthlyCap() == null ? null : policy.monthlyCap().fen(), policy.minimumAge(), tiers);
    }

    /**
     * The reassessment schedules of the districts given by their division codes (e.g. 410371000000),
     * every published version, in one statement.
     */
    @Transactional(readOnly = true)
    public AssessmentSchedules schedulesOf(Collection<String> districtCodes) {
        if (districtCodes.size() == 1) {
            String code = districtCodes.iterator().next();
            return cachedSchedules.get(code, key -> readSchedulesOf(List.of(key)));
        }
        return readSchedulesOf(districtCodes);
    }

    private AssessmentSchedules readSchedulesOf(Collection<String> districtCodes) {
        return new AssessmentSchedules(districtCodes.isEmpty() ? List.of() : policies.findSchedulesOfDistricts(districtCodes));
    }

    /**
     * Of each district given by its division code, the categories that call for an assessment on the
     * date: those named by a tier of the version in force that needs an ability level, and DISABLED
     * (失能) where such a tier is open to every category. One statement.
     */
    @Transactional(readOnly = true)
    public Map<String, Set<DinerCategory>> abilityNeedsOn(Collection<String> districtCodes, LocalDate date) {
        Map<String, Set<DinerCategory>> needs = new java.util.HashMap<>();
        if (districtCodes.isEmpty()) {
            return needs;
        }
        for (SubsidyMapper.AbilityNeedRow row : policies.findAbilityNeedsInForce(districtCodes, date)) {
            needs.computeIfAbsent(row.districtCode(), code -> EnumSet.noneOf(DinerCategory.class))
                    .add(row.category() == null ? DinerCategory.DISABLED : row.category());
        }
        return needs;
    }

    @Transactional(readOnly = true)
    public SubsidyPolicy find(long policyId) {
        return policies.findPolicy(policyId);
    }

    /** Policies by id, in one statement (a list of bookings or meal records shows the policy each applied). */
    @Transactional(readOnly = true)
    public Map<Long, SubsidyPolicy> byIds(Collection<Long> policyIds) {
        if (policyIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, SubsidyPolicy> found = new java.util.HashMap<>();
        policies.findPoliciesByIds(policyIds).forEach(policy -> found.put(policy.id(), policy));
        return found;
    }

    /** Tiers of each policy, in their order, with categories and shares: three statements whatever the number of policies. */
    @Transactional(readOnly = true)
    public Map<Long, List<SubsidyTier>> tiersOf(Collection<Long> policyIds) {
        if (policyIds.isEmpty()) {
            return Map.of();
        }
        List<SubsidyMapper.TierRow> tierRows = policies.findTiersOf(policyIds);
        List<Long> tierIds = tierRows.stream().map(SubsidyMapper.TierRow::id).toList();
        Map<Long, List<SubsidyMapper.TierCategoryRow>> categories = Batches.group(tierIds, policies.findTierCategoriesOf(policyIds), SubsidyMapper.TierCategoryRow::tierId);
        Map<Long, List<SubsidyMapper.TierShareRow>> shares = Batches.group(tierIds, policies.findTierSharesOf(policyIds),
                SubsidyMapper.TierShareRow::tierId);
        List<SubsidyTier> tiers = new ArrayList<>();
        for (SubsidyMapper.TierRow row : tierRows) {
            tiers.add(new SubsidyTier(row.id(), row.policyId(), row.position(), row.slot(), row.minAge(), row.maxAge(), row.subsidy(),
                    categories.get(row.id()).stream().map(SubsidyMapper.TierCategoryRow::category).toList(),
                    shares.get(row.id()).stream().map(share -> new SubsidyTier.FundingShare(share.source(), share.amount(), share.remainder()))
                            .toList(), row.minAbilityLevel()));
        }
        return Batches.group(policyIds, tiers, SubsidyTier::policyId);
    }

    /**
     * The score bands of each policy's operating subsidy, lowest first; empty when the subsidy is not
     * scaled by the evaluation score. One statement whatever the number of policies.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ScoreBand>> scoreBandsOf(Collection<Long> policyIds) {
        if (policyIds.isEmpty()) {
            return Map.of();
        }
        return Batches.group(policyIds, policies.findScoreBandsOf(policyIds), ScoreBand::policyId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PolicyResult create(CreateSubsidyPolicyInput input) {
        Region district = regionService.require(input.districtId());
        networkAccess.requireAdministers(CurrentUser.get(), district.id(), "a district's policies are written by administrators of a region that holds it");
        List<UserError> problems = new ArrayList<>();
        if (district.level() != RegionLevel.DISTRICT) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, district.name() + " is not a district", "input", "districtId"));
        }
        int minimumAge = input.minimumAge() == null ? DEFAULT_MINIMUM_AGE : input.minimumAge();
        if (input.mealsPerDay() < 0 || input.mealsPerSlot() < 0 || minimumAge < 0 || minimumAge > 150) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "Limits and the minimum age cannot be negative", "input"));
        }
        int reassessmentMonths = input.reassessmentMonths() == null ? SubsidyRules.Schedule.DEFAULT.reassessmentMonths() : input.reassessmentMonths();
        int graceDays = input.assessmentGraceDays() == null ? SubsidyRules.Schedule.DEFAULT.graceDays() : input.assessmentGraceDays();
        if (reassessmentMonths < 1 || reassessmentMonths > MAX_REASSESSMENT_MONTHS) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "Diners are reassessed 1 to " + MAX_REASSESSMENT_MONTHS + " months after an assessment",
                    "input", "reassessmentMonths"));
        }
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "The grace period is 0 to " + MAX_GRACE_DAYS + " days",
                    "input", "assessmentGraceDays"));
        }
        if (input.dinerFloor().fen() < 0 || (input.monthlyCap() != null && input.monthlyCap().fen() < 0)
                || (input.standardPrice() != null && input.standardPrice().fen() < 0)) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "Amounts cannot be negative", "input"));
        }
        OperatingSubsidyInput operating = input.operatingSubsidy();
        if (operating != null && (operating.perDinerPerDay().fen() <= 0 || operating.source() == FundingSource.OPERATOR_DISCOUNT)) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY,
                    "An operating subsidy is a positive amount paid by a public source, not by the operator", "input", "operatingSubsidy"));
        }
        if (operating != null) {
            ScoreBands.check(operating.scoreBands(), problems);
        }
        if (input.tiers().isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "A policy needs at least one tier", "input", "tiers"));
        }
        for (int i = 0; i < input.tiers().size(); i++) {
            checkTier(input.tiers().get(i), String.valueOf(i), problems);
        }
        if (!problems.isEmpty()) {
            return PolicyResult.failed(problems);
        }
        GeneratedKey key = new GeneratedKey();
        try {
            policies.insertPolicy(key, district.id(), policies.nextVersion(district.id()), input.name().trim(), input.effectiveFrom(),
                    input.standardPrice(), input.dinerFloor(), input.mealsPerDay(), input.mealsPerSlot(), input.monthlyCap(), minimumAge,
                    operating == null ? null : operating.perDinerPerDay(), operating == null ? null : operating.source(), reassessmentMonths, graceDays,
                    CurrentUser.get().username(), clock.instant());
        } catch (DuplicateKeyException e) {
            // another version of the district's policy took the same number at the same moment
            return PolicyResult.failed(List.of(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "Another version of this district's policy was created at the same moment; send it again", "input", "districtId")));
        }
        long policyId = key.value();
        if (operating != null && operating.scoreBands() != null && !operating.scoreBands().isEmpty()) {
            policies.insertScoreBands(policyId, operating.scoreBands());
        }
        int position = 0;
        for (SubsidyTierInput tier : input.tiers()) {
            for (MealSlot slot : EnumSet.copyOf(tier.slots())) {
                GeneratedKey tierKey = new GeneratedKey();
                policies.insertTier(tierKey, policyId, position++, slot, tier.minAge(), tier.maxAge(), tier.subsidy(), tier.minAbilityLevel());
                if (tier.categories() != null && !tier.categories().isEmpty()) {
                    policies.insertTierCategories(tierKey.value(), EnumSet.copyOf(tier.categories()));
                }
                policies.insertTierShares(tierKey.value(), tier.shares().stream()
                        .map(share -> new SubsidyTier.FundingShare(share.source(), Boolean.TRUE.equals(share.remainder()) ? null : share.amount(),
                                Boolean.TRUE.equals(share.remainder())))
                        .toList());
            }
        }
        SubsidyPolicy created = policies.findPolicy(policyId);
        audit.record("SUBSIDY_POLICY_DRAFTED", "SubsidyPolicy", policyId, null, Map.of("policy", created, "tiers", tiersOf(List.of(policyId)),
                "scoreBands", scoreBandsOf(List.of(policyId)).get(policyId)));
        evictPolicies();
        return new PolicyResult(created, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PolicyResult publish(long policyId) {
        SubsidyPolicy before = policies.findPolicy(policyId);
        if (before == null) {
            throw new NotFoundException("SubsidyPolicy", policyId);
        }
        networkAccess.requireAdministers(CurrentUser.get(), before.districtId(), "a district's policies are published by administrators of a region that holds it");
        if (policies.publish(policyId, CurrentUser.get().username(), clock.instant()) == 0) {
            return PolicyResult.failed(List.of(UserError.of(UserErrorCode.ALREADY_PUBLISHED,
                    "Version " + before.version() + " is already published and never changes; draft a new version", "input", "policyId")));
        }
        SubsidyPolicy after = policies.findPolicy(policyId);
        audit.record("SUBSIDY_POLICY_PUBLISHED", "SubsidyPolicy", policyId, before, after);
        evictPolicies();
        return new PolicyResult(after, List.of());
    }

    private static void checkTier(SubsidyTierInput tier, String index, List<UserError> problems) {
        if (tier.slots().isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "A tier covers at least one slot", "input", "tiers", index, "slots"));
        }
        if (tier.minAge() < 0 || (tier.maxAge() != null && tier.maxAge() < tier.minAge())) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "maxAge must not be below minAge", "input", "tiers", index, "maxAge"));
        }
        if (tier.minAbilityLevel() != null && (tier.minAbilityLevel() < 0 || tier.minAbilityLevel() > 4)) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "An ability level is 0 (able) to 4 (completely unable)",
                    "input", "tiers", index, "minAbilityLevel"));
        }
        if (tier.subsidy().fen() < 0) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "A subsidy cannot be negative", "input", "tiers", index, "subsidy"));
        }
        long fixed = 0;
        int remainders = 0;
        Set<FundingSource> sources = EnumSet.noneOf(FundingSource.class);
        for (FundingShareInput share : tier.shares()) {
            if (!sources.add(share.source())) {
                problems.add(UserError.of(UserErrorCode.INVALID_POLICY, share.source() + " is listed twice", "input", "tiers", index, "shares"));
            }
            if (Boolean.TRUE.equals(share.remainder())) {
                remainders++;
            } else if (share.amount() == null || share.amount().fen() < 0) {
                problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "A share has a fixed amount of 0 or more, or is the remainder",
                        "input", "tiers", index, "shares"));
            } else {
                fixed += share.amount().fen();
            }
        }
        if (remainders > 1) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "At most one source pays the remainder", "input", "tiers", index, "shares"));
        } else if (remainders == 0 && fixed != tier.subsidy().fen()) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "Fixed shares must add up to the subsidy when no source pays the remainder",
                    "input", "tiers", index, "shares"));
        } else if (fixed > tier.subsidy().fen()) {
            problems.add(UserError.of(UserErrorCode.INVALID_POLICY, "Fixed shares add up to more than the subsidy", "input", "tiers", index, "shares"));
        }
    }

    public record FundingShareInput(FundingSource source, Money amount, Boolean remainder) {
    }

    public record SubsidyTierInput(List<MealSlot> slots, List<DinerCategory> categories, int minAge, Integer maxAge, Money subsidy,
                                   List<FundingShareInput> shares, Integer minAbilityLevel) {
    }

    public record CreateSubsidyPolicyInput(Long districtId, @NotBlank @Size(max = 128) String name, LocalDate effectiveFrom,
                                           Money standardPrice, Money dinerFloor, int mealsPerDay, int mealsPerSlot, Money monthlyCap,
                                           Integer minimumAge, List<SubsidyTierInput> tiers, OperatingSubsidyInput operatingSubsidy,
                                           Integer reassessmentMonths, Integer assessmentGraceDays) {
    }

    /**
     * 运营补贴: an amount per diner served per day, paid to the operator by one public source; with score
     * bands, scaled by the band of the operator's frozen evaluation score of the month.
     */
    public record OperatingSubsidyInput(Money perDinerPerDay, FundingSource source, List<ScoreBandInput> scoreBands) {
    }

    /** A band to set: from this score (inclusive) up to the next band, this share of the operating subsidy in basis points. */
    public record ScoreBandInput(int minScore, int percentBasisPoints) {
    }

    public record PolicyResult(SubsidyPolicy policy, List<UserError> userErrors) {
        static PolicyResult failed(List<UserError> errors) {
            return new PolicyResult(null, List.copyOf(errors));
        }
    }
}
