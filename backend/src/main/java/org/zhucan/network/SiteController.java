package org.zhucan.network;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;

@Controller
class SiteController {

    private final SiteService siteService;
    private final SiteWriteService siteWrites;
    private final RegionService regionService;
    private final OperatorService operatorService;

    SiteController(SiteService siteService, SiteWriteService siteWrites, RegionService regionService, OperatorService operatorService) {
        this.siteService = siteService;
        this.siteWrites = siteWrites;
        this.regionService = regionService;
        this.operatorService = operatorService;
    }

    @QueryMapping
    Connection<Site> sites(@Argument SiteFilter filter, @Argument Integer first, @Argument String after) {
        return siteService.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Site site(@Argument long id) {
        return siteService.find(id);
    }

    @QueryMapping
    List<NearbySite> nearbySites(@Argument double lat, @Argument double lng, @Argument int radiusMeters,
                                             @Argument Integer first) {
        return siteService.nearby(lat, lng, radiusMeters, first == null ? PageRequest.DEFAULT_PAGE_SIZE : first);
    }

    @MutationMapping
    SiteResult createSite(@Argument @Valid CreateSiteInput input) {
        return siteWrites.create(input);
    }

    @MutationMapping
    SiteResult updateSite(@Argument @Valid UpdateSiteInput input) {
        return siteWrites.update(input);
    }

    @MutationMapping
    SiteResult changeSiteStatus(@Argument @Valid ChangeSiteStatusInput input) {
        return siteWrites.changeStatus(input);
    }

    @BatchMapping
    Map<Site, Region> community(List<Site> sites) {
        return Batches.perParent(sites, Site::communityId, regionService.byIds(Batches.keys(sites, Site::communityId)));
    }

    @BatchMapping
    Map<Site, Operator> operator(List<Site> sites) {
        return Batches.perParent(sites, Site::operatorId, operatorService.byIds(Batches.keys(sites, Site::operatorId)));
    }

    @BatchMapping
    Map<Site, Site> suppliedBy(List<Site> sites) {
        return Batches.perParent(sites, Site::suppliedById, siteService.byIds(Batches.keys(sites, Site::suppliedById)));
    }

    @BatchMapping
    Map<Site, List<SiteSlot>> slots(List<Site> sites) {
        return Batches.perParent(sites, Site::id, siteService.slotsOf(Batches.keys(sites, Site::id)));
    }

    @BatchMapping
    Map<Site, List<SiteFulfilment>> fulfilments(List<Site> sites) {
        return Batches.perParent(sites, Site::id, siteService.fulfilmentsOf(Batches.keys(sites, Site::id)));
    }

    @BatchMapping
    Map<Site, List<SiteStatusChange>> statusHistory(List<Site> sites) {
        return Batches.perParent(sites, Site::id, siteService.statusHistoryOf(Batches.keys(sites, Site::id)));
    }
}
