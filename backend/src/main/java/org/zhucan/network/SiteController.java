package org.zhucan.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;

@Controller
class SiteController {

    private final SiteService siteService;
    private final RegionService regionService;
    private final OperatorService operatorService;

    SiteController(SiteService siteService, RegionService regionService, OperatorService operatorService) {
        this.siteService = siteService;
        this.regionService = regionService;
        this.operatorService = operatorService;
    }

    @QueryMapping
    Connection<Site> sites(@Argument SiteService.SiteFilter filter, @Argument Integer first, @Argument String after) {
        return siteService.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Site site(@Argument long id) {
        return siteService.find(id);
    }

    @QueryMapping
    List<SiteService.NearbySite> nearbySites(@Argument double lat, @Argument double lng, @Argument int radiusMeters,
                                             @Argument Integer first) {
        return siteService.nearby(lat, lng, radiusMeters, first == null ? PageRequest.DEFAULT_PAGE_SIZE : first);
    }

    @MutationMapping
    SiteService.SiteResult createSite(@Argument @Valid SiteService.CreateSiteInput input) {
        return siteService.create(input);
    }

    @MutationMapping
    SiteService.SiteResult updateSite(@Argument @Valid SiteService.UpdateSiteInput input) {
        return siteService.update(input);
    }

    @MutationMapping
    SiteService.SiteResult changeSiteStatus(@Argument @Valid SiteService.ChangeSiteStatusInput input) {
        return siteService.changeStatus(input);
    }

    @BatchMapping
    Map<Site, Region> community(List<Site> sites) {
        return lookUp(sites, Site::communityId, regionService::byIds);
    }

    @BatchMapping
    Map<Site, Operator> operator(List<Site> sites) {
        return lookUp(sites, Site::operatorId, operatorService::byIds);
    }

    @BatchMapping
    Map<Site, Site> suppliedBy(List<Site> sites) {
        return lookUp(sites, Site::suppliedById, siteService::byIds);
    }

    @BatchMapping
    Map<Site, List<SiteSlot>> slots(List<Site> sites) {
        return perSite(sites, siteService.slotsOf(ids(sites)));
    }

    @BatchMapping
    Map<Site, List<SiteFulfilment>> fulfilments(List<Site> sites) {
        return perSite(sites, siteService.fulfilmentsOf(ids(sites)));
    }

    @BatchMapping
    Map<Site, List<SiteStatusChange>> statusHistory(List<Site> sites) {
        return perSite(sites, siteService.statusHistoryOf(ids(sites)));
    }

    private static List<Long> ids(List<Site> sites) {
        return sites.stream().map(Site::id).distinct().toList();
    }

    private static <T> Map<Site, List<T>> perSite(List<Site> sites, Map<Long, List<T>> bySiteId) {
        Map<Site, List<T>> result = new LinkedHashMap<>();
        sites.forEach(site -> result.put(site, bySiteId.get(site.id())));
        return result;
    }

    /** One query for the referenced rows of every site; a site without a reference maps to null. */
    private static <T> Map<Site, T> lookUp(List<Site> sites, Function<Site, Long> reference,
                                           Function<List<Long>, Map<Long, T>> load) {
        Map<Long, T> found = load.apply(sites.stream().map(reference).filter(Objects::nonNull).distinct().toList());
        Map<Site, T> result = new LinkedHashMap<>();
        sites.forEach(site -> result.put(site, reference.apply(site) == null ? null : found.get(reference.apply(site))));
        return result;
    }
}
