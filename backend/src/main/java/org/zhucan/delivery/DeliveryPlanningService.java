package org.zhucan.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.booking.Booking;
import org.zhucan.booking.BookingReadService;
import org.zhucan.booking.BookingStatus;
import org.zhucan.care.VolunteerService;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.diner.DinerService;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Planning delivery runs (配送单): the site's staff set where diners live, plan a slot's unplanned delivery bookings
 * into one run per courier (nearest-neighbour from the site, each courier up to their capacity, in the order given),
 * and reorder a run's stops by hand. The run sheet is {@link #runsAt} with its stops.
 */
@Service
public class DeliveryPlanningService {

    private final DeliveryMapper mapper;
    private final DeliveryLocations locations;
    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final BookingReadService bookings;
    private final DinerService dinerService;
    private final VolunteerService volunteers;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;

    DeliveryPlanningService(DeliveryMapper mapper, DeliveryLocations locations, SiteService siteService, NetworkAccess networkAccess,
                            BookingReadService bookings, DinerService dinerService, VolunteerService volunteers, AccountService accounts,
                            AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.locations = locations;
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.bookings = bookings;
        this.dinerService = dinerService;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** setDinerHomeLocation: by anyone who may read the diner and is ADMIN, street staff or a site's staff. */
    @Transactional
    public HomeLocationPayload setHomeLocation(SetHomeLocationInput input) {
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.STREET_STAFF) && !user.roles().contains(Role.OPERATOR)) {
            throw new AccessDeniedException("home locations are set by administrators, street staff and the sites' staff");
        }
        if (dinerService.find(input.dinerId()) == null) {
            throw new NotFoundException("Diner", input.dinerId());
        }
        if (!within(input.latitude(), 90) || !within(input.longitude(), 180)) {
            return new HomeLocationPayload(false, List.of(UserError.of(UserErrorCode.INVALID_INPUT,
                    "A position is a latitude from -90 to 90 and a longitude from -180 to 180", "input", "latitude")));
        }
        locations.set(input.dinerId(), new Routes.Point(input.latitude().doubleValue(), input.longitude().doubleValue()), user.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        audit.record("delivery.homeLocation.set", "Diner", input.dinerId(), null, Map.of("homeLocation", "set"));
        return new HomeLocationPayload(true, List.of());
    }

    /** planDeliveryRuns: the site's staff; every unplanned delivery booking of the slot on a run, or nothing planned and why. */
    @Transactional
    public DeliveryRunsPayload plan(PlanDeliveryRunsInput input) {
        CurrentUser user = CurrentUser.get();
        Site site = requireStaffOf(user, input.siteId());
        if (input.date() == null || input.slot() == null || input.couriers() == null || input.couriers().isEmpty()) {
            return DeliveryRunsPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give the date, the slot and at least one courier", "input"));
        }
        if (site.latitude() == null || site.longitude() == null) {
            return DeliveryRunsPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, site.name() + " has no position to start the routes from",
                    "input", "siteId"));
        }
        List<UserError> problems = new ArrayList<>();
        for (int i = 0; i < input.couriers().size(); i++) {
            checkCourier(site, input.couriers().get(i), problems, "input", "couriers", String.valueOf(i));
        }
        if (!problems.isEmpty()) {
            return new DeliveryRunsPayload(List.of(), problems);
        }
        mapper.lockSlot(site.id(), input.date(), input.slot());
        Set<Long> planned = new HashSet<>(mapper.findPlannedBookingIds(site.id(), input.date(), input.slot()));
        List<Booking> open = bookings.slotBookings(site.id(), input.date(), input.slot()).deliveries().stream()
                .filter(b -> b.status() == BookingStatus.BOOKED && !planned.contains(b.id())).toList();
        if (open.isEmpty()) {
            return DeliveryRunsPayload.failed(UserError.of(UserErrorCode.BOOKING_NOT_FOUND, "No unplanned delivery booking at " + site.name()
                    + " for " + input.date() + " " + input.slot(), "input"));
        }
        int capacity = input.couriers().stream().mapToInt(CourierInput::capacity).sum();
        if (capacity < open.size()) {
            return DeliveryRunsPayload.failed(UserError.of(UserErrorCode.COURIER_CAPACITY_EXCEEDED, open.size() + " deliveries to plan, and the couriers"
                    + " take " + capacity + "; add a courier or raise a capacity", "input", "couriers"));
        }
        Map<Long, Routes.Point> homes = locations.of(open.stream().map(Booking::dinerId).distinct().toList());
        List<Routes.Place<Booking>> places = new ArrayList<>();
        List<Long> unplaced = new ArrayList<>();
        for (Booking booking : open) {
            Routes.Point home = homes.get(booking.dinerId());
            if (home == null) {
                unplaced.add(booking.dinerId());
            } else {
                places.add(new Routes.Place<>(booking, home));
            }
        }
        if (!unplaced.isEmpty()) {
            return DeliveryRunsPayload.failed(UserError.of(UserErrorCode.NO_HOME_LOCATION, unplaced.size()
                    + " diner(s) to deliver to have no home location (setDinerHomeLocation): diner ids " + unplaced, "input"));
        }
        Routes.Point start = new Routes.Point(site.latitude().doubleValue(), site.longitude().doubleValue());
        List<DeliveryRun> runs = new ArrayList<>();
        for (CourierInput courier : input.couriers()) {
            if (places.isEmpty()) {
                break;
            }
            List<Routes.Place<Booking>> route = Routes.takeNearest(start, places, courier.capacity());
            GeneratedKey key = new GeneratedKey();
            mapper.insertRun(new DeliveryMapper.NewRun(site.id(), input.date(), input.slot(), blankToNull(courier.username()), courier.volunteerId(),
                    courier.capacity(), user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)), key);
            List<DeliveryMapper.NewStop> stops = new ArrayList<>();
            for (int i = 0; i < route.size(); i++) {
                Booking booking = route.get(i).key();
                stops.add(new DeliveryMapper.NewStop(key.value(), booking.id(), booking.dinerId(), i + 1, booking.pickupCode()));
            }
            mapper.insertStops(stops);
            runs.add(mapper.findRun(key.value()));
        }
        audit.record("delivery.run.plan", "Site", site.id(), null, Map.of("date", input.date(), "slot", input.slot(), "runs",
                runs.stream().map(DeliveryRun::id).toList(), "stops", open.size()));
        return new DeliveryRunsPayload(runs, List.of());
    }

    /** reorderDeliveryStops: the run's stops in the order given, which must name each of them once. */
    @Transactional
    public DeliveryRunPayload reorder(ReorderDeliveryStopsInput input) {
        CurrentUser user = CurrentUser.get();
        DeliveryRun run = mapper.findRun(input.runId());
        if (run == null) {
            throw new NotFoundException("DeliveryRun", input.runId());
        }
        requireStaffOf(user, run.siteId());
        List<DeliveryStop> stops = mapper.findStopsOfRuns(List.of(run.id()));
        Set<Long> ids = new HashSet<>(stops.stream().map(DeliveryStop::id).toList());
        List<Long> order = input.stopIds() == null ? List.of() : input.stopIds();
        if (order.size() != ids.size() || !ids.equals(new HashSet<>(order))) {
            return new DeliveryRunPayload(null, List.of(UserError.of(UserErrorCode.INVALID_INPUT,
                    "Name each of the run's " + ids.size() + " stops once, in the new order", "input", "stopIds")));
        }
        for (int i = 0; i < order.size(); i++) {
            mapper.updatePosition(order.get(i), i + 1);
        }
        audit.record("delivery.run.reorder", "DeliveryRun", run.id(), stops.stream().map(DeliveryStop::id).toList(), order);
        return new DeliveryRunPayload(run, List.of());
    }

    /** deliveryRuns: a slot's run sheet, for the site's staff. */
    @Transactional(readOnly = true)
    public List<DeliveryRun> runsAt(long siteId, java.time.LocalDate date, org.zhucan.network.MealSlot slot) {
        Site site = requireStaffOf(CurrentUser.get(), siteId);
        return mapper.findRunsAt(site.id(), date, slot);
    }

    /** The stops of runs in route order; one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<DeliveryStop>> stopsOf(List<Long> runIds) {
        Map<Long, List<DeliveryStop>> byRun = new HashMap<>();
        runIds.forEach(id -> byRun.put(id, new ArrayList<>()));
        if (!runIds.isEmpty()) {
            mapper.findStopsOfRuns(runIds).forEach(stop -> byRun.get(stop.runId()).add(stop));
        }
        return byRun;
    }

    /** A courier is an enabled OPERATOR account of the site's own operator (who then confirms its stops), or a registered volunteer. */
    private void checkCourier(Site site, CourierInput courier, List<UserError> problems, String... path) {
        boolean staff = courier.username() != null && !courier.username().isBlank();
        if (staff == (courier.volunteerId() != null)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A courier is a staff account or a volunteer, one of the two", path));
        } else if (staff && accounts.find(courier.username().strip()).filter(account -> account.enabled()
                && account.roles().contains(Role.OPERATOR) && Long.valueOf(site.operatorId()).equals(account.operatorId())).isEmpty()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "No enabled staff account " + courier.username().strip() + " of "
                    + site.name() + "'s operator", path));
        } else if (!staff && volunteers.find(courier.volunteerId()) == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "No volunteer " + courier.volunteerId(), path));
        }
        if (courier.capacity() == null || courier.capacity() < 1 || courier.capacity() > 100) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A courier's capacity is 1 to 100 stops", path));
        }
    }

    private Site requireStaffOf(CurrentUser user, long siteId) {
        Site site = siteService.require(siteId);
        if (!networkAccess.isStaffOf(user, site)) {
            throw new AccessDeniedException("only the site's staff plan its deliveries");
        }
        return site;
    }

    private static boolean within(BigDecimal value, int bound) {
        return value != null && value.abs().compareTo(BigDecimal.valueOf(bound)) <= 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
