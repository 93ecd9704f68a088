package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.money.Money;
import org.zhucan.diner.DinerService;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

/**
 * quoteMeal: gathers what {@link SubsidyRules} needs (the diner on the date, where the site is,
 * the policy of the diner's home district in force that day, the subsidised meals already taken)
 * and returns its split. Bookings, serving and settlement call this, never the rules directly.
 */
@Service
public class QuoteService {

    private final DinerService dinerService;
    private final SiteService siteService;
    private final RegionService regionService;
    private final SubsidyPolicyService policyService;
    private final SubsidyUsage usage;

    QuoteService(DinerService dinerService, SiteService siteService, RegionService regionService, SubsidyPolicyService policyService,
                 SubsidyUsage usage) {
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.regionService = regionService;
        this.policyService = policyService;
        this.usage = usage;
    }

    @Transactional(readOnly = true)
    public SubsidyRules.Quote quote(long dinerId, long siteId, LocalDate date, MealSlot slot, Money price) {
        if (price.fen() < 0) {
            throw new BadRequestException("price cannot be negative", "price");
        }
        DinerService.QuoteFacts diner = dinerService.quoteFacts(dinerId, date);
        Site site = siteService.find(siteId);
        if (site == null) {
            throw new NotFoundException("Site", siteId);
        }
        List<Region> places = List.copyOf(regionService.byIds(List.of(diner.diner().homeCommunityId(), site.communityId())).values());
        String homeCode = codeOf(places, diner.diner().homeCommunityId());
        String siteCode = codeOf(places, site.communityId());
        Region homeDistrict = regionService.findByDivisionCode(homeCode.substring(0, 6) + "000000");
        SubsidyRules.Policy policy = homeDistrict == null ? null : policyService.policyInForce(homeDistrict.id(), date);
        return SubsidyRules.quote(policy, new SubsidyRules.DinerOnDay(diner.active(), diner.age(), diner.categories(), homeCode),
                new SubsidyRules.Meal(slot, price.fen(), siteCode), usage.usage(dinerId, date, slot));
    }

    private static String codeOf(List<Region> regions, long id) {
        return regions.stream().filter(region -> region.id() == id).findFirst().orElseThrow().divisionCode();
    }
}
