package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;

@Controller
class SubsidyController {

    private final SubsidyPolicyService policyService;
    private final QuoteService quoteService;
    private final RegionService regionService;

    SubsidyController(SubsidyPolicyService policyService, QuoteService quoteService, RegionService regionService) {
        this.policyService = policyService;
        this.quoteService = quoteService;
        this.regionService = regionService;
    }

    @QueryMapping
    List<SubsidyPolicy> subsidyPolicies(@Argument long districtId) {
        return policyService.policiesOf(districtId);
    }

    @QueryMapping
    MealQuoteView quoteMeal(@Argument long dinerId, @Argument long siteId, @Argument LocalDate date, @Argument MealSlot slot,
                            @Argument Money price) {
        return quoteService.quoteViews(dinerId, siteId, date, slot, List.of(price)).get(0);
    }

    @MutationMapping
    SubsidyPolicyService.PolicyResult createSubsidyPolicy(@Argument @Valid SubsidyPolicyService.CreateSubsidyPolicyInput input) {
        return policyService.create(input);
    }

    @MutationMapping
    SubsidyPolicyService.PolicyResult publishSubsidyPolicy(@Argument PublishSubsidyPolicyInput input) {
        return policyService.publish(input.policyId());
    }

    @BatchMapping(typeName = "SubsidyPolicy", field = "district")
    Map<SubsidyPolicy, Region> district(List<SubsidyPolicy> policies) {
        return Batches.perParent(policies, SubsidyPolicy::districtId, regionService.byIds(Batches.keys(policies, SubsidyPolicy::districtId)));
    }

    @BatchMapping(typeName = "SubsidyPolicy", field = "tiers")
    Map<SubsidyPolicy, List<SubsidyTier>> tiers(List<SubsidyPolicy> policies) {
        return Batches.perParent(policies, SubsidyPolicy::id, policyService.tiersOf(Batches.keys(policies, SubsidyPolicy::id)));
    }

    @SchemaMapping(typeName = "SubsidyPolicy", field = "operatingSubsidy")
    OperatingSubsidy operatingSubsidy(SubsidyPolicy policy) {
        return policy.operatingSubsidy() == null ? null
                : new OperatingSubsidy(policy.id(), policy.operatingSubsidy(), policy.operatingSubsidySource());
    }

    @BatchMapping(typeName = "OperatingSubsidy", field = "scoreBands")
    Map<OperatingSubsidy, List<ScoreBand>> scoreBands(List<OperatingSubsidy> subsidies) {
        return Batches.perParent(subsidies, OperatingSubsidy::policyId,
                policyService.scoreBandsOf(Batches.keys(subsidies, OperatingSubsidy::policyId)));
    }

    /** A policy's operating subsidy; the policy's id finds its score bands. */
    record OperatingSubsidy(long policyId, Money perDinerPerDay, FundingSource source) {
    }

    record PublishSubsidyPolicyInput(long policyId) {
    }

}
