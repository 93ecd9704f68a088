package org.zhucan.care;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.LiveTokens;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@Controller
class CareController {

    private final CareAlertService alerts;
    private final VisitService visits;
    private final VolunteerService volunteers;
    private final CareAlertFeed feed;
    private final DinerService dinerService;
    private final RegionService regionService;
    private final LiveTokens liveTokens;

    CareController(CareAlertService alerts, VisitService visits, VolunteerService volunteers, CareAlertFeed feed, DinerService dinerService,
                   RegionService regionService, LiveTokens liveTokens) {
        this.alerts = alerts;
        this.visits = visits;
        this.volunteers = volunteers;
        this.feed = feed;
        this.dinerService = dinerService;
        this.regionService = regionService;
        this.liveTokens = liveTokens;
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    Connection<CareAlert> careAlerts(@Argument CareAlertFilter filter, @Argument Integer first, @Argument String after) {
        return alerts.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    List<Visit> visits(@Argument long dinerId) {
        return visits.visitsOf(List.of(dinerId)).getOrDefault(dinerId, List.of());
    }

    @QueryMapping
    List<CommunityVisitRate> visitRates(@Argument long regionId, @Argument String month) {
        return visits.visitRates(regionId, parseMonth(month));
    }

    @QueryMapping
    Connection<Volunteer> volunteers(@Argument Integer first, @Argument String after) {
        return volunteers.list(PageRequest.of(first, after));
    }

    @MutationMapping
    CareAlertPayload acknowledgeCareAlert(@Argument AcknowledgeCareAlertInput input) {
        return alerts.acknowledge(input);
    }

    @MutationMapping
    CareAlertPayload followUpCareAlert(@Argument FollowUpCareAlertInput input) {
        return alerts.followUp(input);
    }

    @MutationMapping
    CareAlertPayload closeCareAlert(@Argument CloseCareAlertInput input) {
        return alerts.close(input);
    }

    @MutationMapping
    VisitPayload recordVisit(@Argument RecordVisitInput input) {
        return visits.record(input);
    }

    @MutationMapping
    VolunteerPayload registerVolunteer(@Argument RegisterVolunteerInput input) {
        return volunteers.register(input);
    }

    /** Alerts as they are raised, those in the subscriber's scope (fixed when it subscribes), while its token stays valid. */
    @SubscriptionMapping
    Flux<CareAlert> careAlertRaised(@Argument Long dinerId) {
        CallerScope scope = alerts.subscriberScope(dinerId);
        return liveTokens.whileValid(feed.events().filter(raised -> CareAccess.covers(scope, raised.dinerId(), raised.communityPath()))
                        .publishOn(Schedulers.boundedElastic()))
                .mapNotNull(raised -> alerts.forFeed(raised.alertId()));
    }

    // ------------------------------------------------------------ nested

    @BatchMapping(typeName = "CareAlert", field = "diner")
    Map<CareAlert, Diner> alertDiner(List<CareAlert> list) {
        return Batches.perParent(list, CareAlert::dinerId, dinerService.byIds(Batches.keys(list, CareAlert::dinerId)));
    }

    @BatchMapping(typeName = "CareAlert", field = "followUps")
    Map<CareAlert, List<CareAlertFollowUp>> alertFollowUps(List<CareAlert> list) {
        return Batches.perParent(list, CareAlert::id, alerts.followUpsOf(Batches.keys(list, CareAlert::id)));
    }

    @BatchMapping(typeName = "Visit", field = "diner")
    Map<Visit, Diner> visitDiner(List<Visit> list) {
        return Batches.perParent(list, Visit::dinerId, dinerService.byIds(Batches.keys(list, Visit::dinerId)));
    }

    @BatchMapping(typeName = "Volunteer", field = "region")
    Map<Volunteer, Region> volunteerRegion(List<Volunteer> list) {
        return Batches.perParent(list, Volunteer::regionId, regionService.byIds(Batches.keys(list, Volunteer::regionId)));
    }

    @BatchMapping(typeName = "Volunteer", field = "visitMinutes")
    Map<Volunteer, Long> volunteerVisitMinutes(List<Volunteer> list) {
        return Batches.perParent(list, Volunteer::id, volunteers.visitMinutesOf(Batches.keys(list, Volunteer::id)));
    }

    @SchemaMapping(typeName = "Volunteer", field = "phone")
    String volunteerPhone(Volunteer volunteer) {
        return volunteer.phoneMasked();
    }

    @BatchMapping(typeName = "CommunityVisitRate", field = "community")
    Map<CommunityVisitRate, Region> rateCommunity(List<CommunityVisitRate> list) {
        return Batches.perParent(list, CommunityVisitRate::communityId, regionService.byIds(Batches.keys(list, CommunityVisitRate::communityId)));
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw new org.zhucan.common.error.BadRequestException("month is written YYYY-MM");
        }
    }
}
