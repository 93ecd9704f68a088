package org.zhucan.publicinfo;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.eligibility.Publicity;
import org.zhucan.eligibility.PublicityFilter;
import org.zhucan.eligibility.PublicityService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.SiteFulfilment;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.security.ClientAddresses;
import org.zhucan.subsidy.SubsidyPolicy;

/** The public root fields (open without a token: see AuthenticationRequired) and their batched parts. */
@Controller
class PublicInfoController {

    private final PublicInfoService publicInfo;
    private final SiteService siteService;
    private final RegionService regionService;
    private final PublicityService publicities;

    PublicInfoController(PublicInfoService publicInfo, SiteService siteService, RegionService regionService, PublicityService publicities) {
        this.publicInfo = publicInfo;
        this.siteService = siteService;
        this.regionService = regionService;
        this.publicities = publicities;
    }

    @QueryMapping
    Connection<SubsidyPolicy> publicSubsidyPolicies(@Argument long districtId, @Argument Integer first, @Argument String after,
                                                    @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        publicInfo.countRead(addressOr(clientAddress));
        return publicInfo.policies(districtId, PageRequest.of(first, after));
    }

    @QueryMapping
    Connection<PublicSite> publicSites(@Argument PublicSiteFilter filter, @Argument Integer first, @Argument String after,
                                       @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        publicInfo.countRead(addressOr(clientAddress));
        return publicInfo.sites(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    PublicEvaluations publicOperatorEvaluations(@Argument long districtId, @Argument YearMonth month, @Argument Integer first,
                                                @Argument String after,
                                                @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        publicInfo.countRead(addressOr(clientAddress));
        return publicInfo.evaluations(districtId, month, PageRequest.of(first, after));
    }

    /** Applications in their publicity period (公示): the eligibility module's list, counted as every public read. */
    @QueryMapping
    Connection<Publicity> currentPublicities(@Argument PublicityFilter filter, @Argument Integer first, @Argument String after,
                                             @ContextValue(name = ClientAddresses.CONTEXT_KEY, required = false) String clientAddress) {
        publicInfo.countRead(addressOr(clientAddress));
        return publicities.current(filter, PageRequest.of(first, after));
    }

    @BatchMapping(typeName = "PublicSite", field = "community")
    Map<PublicSite, Region> community(List<PublicSite> sites) {
        return Batches.perParent(sites, PublicSite::communityId, regionService.byIds(Batches.keys(sites, PublicSite::communityId)));
    }

    @BatchMapping(typeName = "PublicSite", field = "operator")
    Map<PublicSite, PublicOperator> operator(List<PublicSite> sites) {
        return Batches.perParent(sites, PublicSite::operatorId, publicInfo.operators(Batches.keys(sites, PublicSite::operatorId)));
    }

    @BatchMapping(typeName = "PublicSite", field = "slots")
    Map<PublicSite, List<SiteSlot>> slots(List<PublicSite> sites) {
        return Batches.perParent(sites, PublicSite::id, siteService.slotsOf(Batches.keys(sites, PublicSite::id)));
    }

    @BatchMapping(typeName = "PublicSite", field = "fulfilments")
    Map<PublicSite, List<SiteFulfilment>> fulfilments(List<PublicSite> sites) {
        return Batches.perParent(sites, PublicSite::id, siteService.fulfilmentsOf(Batches.keys(sites, PublicSite::id)));
    }

    @BatchMapping(typeName = "PublicSite", field = "todayMenus")
    Map<PublicSite, List<PublicMenu>> todayMenus(List<PublicSite> sites) {
        return Batches.perParent(sites, PublicSite::id, publicInfo.todayMenus(Batches.keys(sites, PublicSite::id)));
    }

    @BatchMapping(typeName = "PublicOperatorEvaluation", field = "operator")
    Map<PublicEvaluations.Evaluation, PublicOperator> evaluatedOperator(List<PublicEvaluations.Evaluation> rows) {
        return Batches.perParent(rows, PublicEvaluations.Evaluation::operatorId,
                publicInfo.operators(Batches.keys(rows, PublicEvaluations.Evaluation::operatorId)));
    }

    private static String addressOr(String clientAddress) {
        return clientAddress == null ? ClientAddresses.UNKNOWN : clientAddress;
    }
}
