package org.zhucan.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.care.Volunteer;
import org.zhucan.care.VolunteerService;
import org.zhucan.common.batch.Batches;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

@Controller
class DeliveryController {

    private final DeliveryPlanningService planning;
    private final DeliveryConfirmationService confirmations;
    private final DeliveryMapper mapper;
    private final VolunteerService volunteers;
    private final SiteService siteService;
    private final DinerService dinerService;
    private final DeliveryProperties properties;

    DeliveryController(DeliveryPlanningService planning, DeliveryConfirmationService confirmations, DeliveryMapper mapper,
                       VolunteerService volunteers, SiteService siteService, DinerService dinerService, DeliveryProperties properties) {
        this.planning = planning;
        this.confirmations = confirmations;
        this.mapper = mapper;
        this.volunteers = volunteers;
        this.siteService = siteService;
        this.dinerService = dinerService;
        this.properties = properties;
    }

    @QueryMapping
    List<DeliveryRun> deliveryRuns(@Argument long siteId, @Argument LocalDate date, @Argument MealSlot slot) {
        return planning.runsAt(siteId, date, slot);
    }

    @MutationMapping
    HomeLocationPayload setDinerHomeLocation(@Argument SetHomeLocationInput input) {
        return planning.setHomeLocation(input);
    }

    @MutationMapping
    DeliveryRunsPayload planDeliveryRuns(@Argument PlanDeliveryRunsInput input) {
        return planning.plan(input);
    }

    @MutationMapping
    DeliveryRunPayload reorderDeliveryStops(@Argument ReorderDeliveryStopsInput input) {
        return planning.reorder(input);
    }

    @MutationMapping
    DeliveryStopPayload confirmDeliveryStop(@Argument ConfirmDeliveryStopInput input) {
        return confirmations.confirm(input);
    }

    @BatchMapping(typeName = "DeliveryRun", field = "stops")
    Map<DeliveryRun, List<DeliveryStop>> runStops(List<DeliveryRun> runs) {
        return Batches.perParent(runs, DeliveryRun::id, planning.stopsOf(Batches.keys(runs, DeliveryRun::id)));
    }

    @BatchMapping(typeName = "DeliveryRun", field = "site")
    Map<DeliveryRun, Site> runSite(List<DeliveryRun> runs) {
        return Batches.perParent(runs, DeliveryRun::siteId, siteService.byIds(Batches.keys(runs, DeliveryRun::siteId)));
    }

    @BatchMapping(typeName = "DeliveryRun", field = "volunteer")
    Map<DeliveryRun, Volunteer> runVolunteer(List<DeliveryRun> runs) {
        List<Long> ids = runs.stream().map(DeliveryRun::volunteerId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Volunteer> byId = new java.util.HashMap<>();
        ids.forEach(id -> byId.put(id, null));
        volunteers.byIds(ids).forEach(byId::put);
        return Batches.perParent(runs, DeliveryRun::volunteerId, byId);
    }

    @BatchMapping(typeName = "DeliveryStop", field = "diner")
    Map<DeliveryStop, Diner> stopDiner(List<DeliveryStop> stops) {
        return Batches.perParent(stops, DeliveryStop::dinerId, dinerService.byIds(Batches.keys(stops, DeliveryStop::dinerId)));
    }

    /** Minutes of deliveries: each confirmed stop of the volunteer's runs counts the configured minutes. */
    @BatchMapping(typeName = "Volunteer", field = "deliveryMinutes")
    Map<Volunteer, Long> volunteerDeliveryMinutes(List<Volunteer> list) {
        return Batches.perParent(list, Volunteer::id, deliveryMinutes(Batches.keys(list, Volunteer::id)));
    }

    /** Service hours: visits and deliveries together, in hours with one decimal (服务时长). */
    @BatchMapping(typeName = "Volunteer", field = "serviceHours")
    Map<Volunteer, String> volunteerServiceHours(List<Volunteer> list) {
        List<Long> ids = Batches.keys(list, Volunteer::id);
        Map<Long, Long> delivered = deliveryMinutes(ids);
        Map<Long, Long> visited = volunteers.visitMinutesOf(ids);
        Map<Long, String> hours = new java.util.HashMap<>();
        for (long id : ids) {
            long minutes = delivered.getOrDefault(id, 0L) + visited.getOrDefault(id, 0L);
            hours.put(id, java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
        }
        return Batches.perParent(list, Volunteer::id, hours);
    }

    private Map<Long, Long> deliveryMinutes(List<Long> volunteerIds) {
        Map<Long, Long> minutes = new java.util.HashMap<>();
        volunteerIds.forEach(id -> minutes.put(id, 0L));
        if (!volunteerIds.isEmpty()) {
            mapper.confirmedStopsOfVolunteers(volunteerIds).forEach(row -> minutes.put(row.volunteerId(), row.stops() * properties.minutesPerStop()));
        }
        return minutes;
    }
}
