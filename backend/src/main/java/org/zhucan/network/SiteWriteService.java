package org.zhucan.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * Changes to sites: registering them, their details, slots and fulfilment, and their status, each
 * audited. ADMIN writes everything in its region (a national ADMIN everywhere); OPERATOR staff change only the slots and fulfilment of their
 * own operator's sites ({@link NetworkAccess#requireMayUpdate}). A changed slot is kept in the
 * site's slot history, so that meals served before keep the slots of their time.
 */
@Service
class SiteWriteService {

    /** Bookings close this long before serving starts unless a slot says otherwise (09:30 for an 11:00 lunch). */
    static final int DEFAULT_CUTOFF_MINUTES = 90;

    private final SiteMapper sites;
    private final SiteService siteService;
    private final RegionService regionService;
    private final OperatorService operatorService;
    private final OperatorContractService contractService;
    private final NetworkAccess access;
    private final AuditService audit;
    private final Clock clock;

    SiteWriteService(SiteMapper sites, SiteService siteService, RegionService regionService, OperatorService operatorService,
                     OperatorContractService contractService, NetworkAccess access, AuditService audit, Clock clock) {
        this.contractService = contractService;
        this.sites = sites;
        this.siteService = siteService;
        this.regionService = regionService;
        this.operatorService = operatorService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SiteResult create(CreateSiteInput input) {
        List<UserError> problems = new ArrayList<>();
        Region community = regionService.require(input.communityId());
        access.requireAdministers(CurrentUser.get(), community.id(), "sites are added by administrators of the community's region");
        Operator operator = operatorService.require(input.operatorId());
        checkCommunity(community, problems);
        checkContract(operator.id(), community, problems);
        checkSupplier(input.suppliedById(), null, input.kind(), problems);
        checkCoordinates(input.latitude(), input.longitude(), problems);
        List<SiteSlot> slots = slots(0, input.slots(), problems);
        List<SiteFulfilment> fulfilments = fulfilments(0, input.fulfilments(), problems);
        if (!problems.isEmpty()) {
            return SiteResult.failed(problems);
        }
        LocalDate today = today();
        Site draft = new Site(0, input.name().trim(), input.kind(), SiteStatus.PLANNED, community.id(), operator.id(),
                input.address().trim(), degrees(input.latitude()), degrees(input.longitude()), blankToNull(input.licenceNumber()),
                input.suppliedById(), input.plannedOpenOn(), null, null, null, 0, null, null);
        GeneratedKey key = new GeneratedKey();
        sites.insert(key, draft, clock.instant());
        long siteId = key.value();
        replaceSlotsAndFulfilments(siteId, List.of(), slots.stream().map(slot -> slot.of(siteId)).toList(),
                fulfilments.stream().map(fulfilment -> fulfilment.of(siteId)).toList(), true, true);
        sites.insertStatusChange(new SiteStatusChange(0, siteId, null, SiteStatus.PLANNED, today, null, actor(), clock.instant()));
        Site created = sites.findById(siteId);
        audit.record("SITE_CREATED", "Site", siteId, null, Map.of("site", created, "slots", slots, "fulfilments", fulfilments));
        siteService.evict(siteId);
        return new SiteResult(created, List.of());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public SiteResult update(UpdateSiteInput input) {
        Site before = current(input.siteId());
        access.requireMayUpdate(CurrentUser.get(), before, input);
        List<UserError> problems = new ArrayList<>();
        Long communityId = input.communityId() == null ? before.communityId() : input.communityId();
        if (input.communityId() != null) {
            checkCommunity(regionService.require(input.communityId()), problems);
        }
        long operatorId = input.operatorId() == null ? before.operatorId() : operatorService.require(input.operatorId()).id();
        if (operatorId != before.operatorId() || !communityId.equals(before.communityId())) {
            checkContract(operatorId, regionService.require(communityId), problems);
        }
        LocalDate operatorSince = before.operatorSince();
        Long previousOperatorId = before.previousOperatorId();
        boolean handedOver = operatorId != before.operatorId();
        if (handedOver) {
            LocalDate today = today();
            if (operatorSince != null && operatorSince.isAfter(today.minusDays(Site.HANDOVER_SPACING_DAYS)) && !operatorSince.equals(today)) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The site was handed over on " + operatorSince
                        + "; the next hand-over is from " + operatorSince.plusDays(Site.HANDOVER_SPACING_DAYS)
                        + ", once meals of the last operator's days can no longer be recorded late", "input", "operatorId"));
            }
            // a second change on the hand-over's day corrects it: the day still starts with whoever ran the site before it
            if (!today.equals(operatorSince)) {
                previousOperatorId = before.operatorId();
            }
            operatorSince = today;
            if (previousOperatorId != null && previousOperatorId == operatorId) {
                operatorSince = null;
                previousOperatorId = null;
            }
        }
        SiteKind kind = input.kind() == null ? before.kind() : input.kind();
        Long suppliedById = input.suppliedById() == null ? before.suppliedById() : input.suppliedById();
        if (input.suppliedById() != null || input.kind() != null) {
            checkSupplier(suppliedById, before.id(), kind, problems);
        }
        BigDecimal latitude = input.latitude() == null ? before.latitude() : degrees(input.latitude());
        BigDecimal longitude = input.longitude() == null ? before.longitude() : degrees(input.longitude());
        checkCoordinates(input.latitude(), input.longitude(), problems);
        if (input.name() != null && input.name().isBlank()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A name cannot be blank", "input", "name"));
        }
        if (input.address() != null && input.address().isBlank()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "An address cannot be blank", "input", "address"));
        }
        List<SiteSlot> slots = input.slots() == null ? null : slots(before.id(), input.slots(), problems);
        List<SiteFulfilment> fulfilments = input.fulfilments() == null ? null : fulfilments(before.id(), input.fulfilments(), problems);
        if (!problems.isEmpty()) {
            return SiteResult.failed(problems);
        }
        Site changed = new Site(before.id(), input.name() == null ? before.name() : input.name().trim(), kind, before.status(),
                communityId, operatorId, input.address() == null ? before.address() : input.address().trim(), latitude, longitude,
                input.licenceNumber() == null ? before.licenceNumber() : blankToNull(input.licenceNumber()), suppliedById,
                input.plannedOpenOn() == null ? before.plannedOpenOn() : input.plannedOpenOn(), before.openedOn(),
                before.closedOn(), before.statusReason(), before.version(), operatorSince, previousOperatorId);
        if (sites.update(changed, clock.instant()) == 0) {
            return SiteResult.failed(List.of(concurrentChange()));
        }
        if (handedOver) {
            sites.insertOperatorChange(before.id(), before.operatorId(), operatorId, today(), actor(), clock.instant());
        }
        Map<Long, List<SiteSlot>> slotsBefore = siteService.slotsOf(List.of(before.id()));
        Map<Long, List<SiteFulfilment>> fulfilmentsBefore = siteService.fulfilmentsOf(List.of(before.id()));
        replaceSlotsAndFulfilments(before.id(), slotsBefore.get(before.id()), slots, fulfilments, slots != null, fulfilments != null);
        Site after = sites.findById(before.id());
        audit.record("SITE_UPDATED", "Site", before.id(),
                Map.of("site", before, "slots", slotsBefore.get(before.id()), "fulfilments", fulfilmentsBefore.get(before.id())),
                Map.of("site", after, "slots", siteService.slotsOf(List.of(before.id())).get(before.id()),
                        "fulfilments", siteService.fulfilmentsOf(List.of(before.id())).get(before.id())));
        siteService.evict(before.id());
        return new SiteResult(after, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SiteResult changeStatus(ChangeSiteStatusInput input) {
        Site before = current(input.siteId());
        if (!access.administers(CurrentUser.get(), before)) {
            throw new org.springframework.security.access.AccessDeniedException("a site's status is changed by administrators of its region");
        }
        SiteStatus to = input.status();
        if (!before.status().next().contains(to)) {
            return SiteResult.failed(List.of(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                    "A " + before.status() + " site cannot become " + to + "; it can become "
                            + (before.status().next().isEmpty() ? "nothing else" : before.status().next()),
                    "input", "status")));
        }
        String reason = blankToNull(input.reason());
        if (to.needsReason() && reason == null) {
            return SiteResult.failed(List.of(UserError.of(UserErrorCode.INVALID_INPUT,
                    "Say why the site becomes " + to, "input", "reason")));
        }
        SiteStatusChange last = sites.findLastStatusChange(before.id());
        if (last != null && input.effectiveOn().isBefore(last.effectiveOn())) {
            return SiteResult.failed(List.of(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is before the last change, on " + last.effectiveOn(), "input", "effectiveOn")));
        }
        if (input.effectiveOn().isAfter(today())) {
            return SiteResult.failed(List.of(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is in the future; record a change once it has happened", "input", "effectiveOn")));
        }
        LocalDate openedOn = to == SiteStatus.OPERATING && before.openedOn() == null ? input.effectiveOn() : before.openedOn();
        LocalDate closedOn = to == SiteStatus.CLOSED ? input.effectiveOn() : null;
        String statusReason = to.needsReason() ? reason : null;
        if (sites.updateStatus(before.id(), before.version(), to, openedOn, closedOn, statusReason, clock.instant()) == 0) {
            return SiteResult.failed(List.of(concurrentChange()));
        }
        sites.insertStatusChange(new SiteStatusChange(0, before.id(), before.status(), to, input.effectiveOn(), reason, actor(),
                clock.instant()));
        Site after = sites.findById(before.id());
        audit.record("SITE_STATUS_CHANGED", "Site", before.id(), before, after);
        siteService.evict(before.id());
        return new SiteResult(after, List.of());
    }

    private static void checkCommunity(Region community, List<UserError> problems) {
        if (!community.level().isCommunity()) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    community.name() + " is a " + community.level() + "; a site stands in a community or village",
                    "input", "communityId"));
        }
    }

    private void checkSupplier(Long suppliedById, Long siteId, SiteKind kind, List<UserError> problems) {
        if (suppliedById == null) {
            return;
        }
        Site supplier = siteService.require(suppliedById);
        if (supplier.kind() != SiteKind.CENTRAL_KITCHEN || suppliedById.equals(siteId) || kind == SiteKind.CENTRAL_KITCHEN) {
            problems.add(UserError.of(UserErrorCode.INVALID_SUPPLIER,
                    "A site is supplied by a central kitchen other than itself, and a kitchen by none", "input", "suppliedById"));
        }
    }

    private static void checkCoordinates(Double latitude, Double longitude, List<UserError> problems) {
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "latitude must be between -90 and 90", "input", "latitude"));
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "longitude must be between -180 and 180", "input", "longitude"));
        }
    }

    private static List<SiteSlot> slots(long siteId, List<SiteSlotInput> inputs, List<UserError> problems) {
        List<SiteSlot> slots = new ArrayList<>();
        Set<MealSlot> seen = EnumSet.noneOf(MealSlot.class);
        for (int i = 0; inputs != null && i < inputs.size(); i++) {
            SiteSlotInput slot = inputs.get(i);
            String index = String.valueOf(i);
            if (!seen.add(slot.slot())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, slot.slot() + " is listed twice", "input", "slots", index, "slot"));
            }
            if (!slot.servesTo().isAfter(slot.servesFrom())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "servesTo must be after servesFrom", "input", "slots", index, "servesTo"));
            }
            if (slot.seats() < 0) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "seats cannot be negative", "input", "slots", index, "seats"));
            }
            LocalTime cutoff = slot.bookingCutoff() == null ? slot.servesFrom().minusMinutes(DEFAULT_CUTOFF_MINUTES) : slot.bookingCutoff();
            if (cutoff.isAfter(slot.servesFrom())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "bookingCutoff must not be after servesFrom", "input", "slots", index, "bookingCutoff"));
            }
            slots.add(new SiteSlot(siteId, slot.slot(), slot.servesFrom(), slot.servesTo(), slot.seats(), cutoff));
        }
        return slots;
    }

    private static List<SiteFulfilment> fulfilments(long siteId, List<SiteFulfilmentInput> inputs, List<UserError> problems) {
        List<SiteFulfilment> fulfilments = new ArrayList<>();
        Set<Fulfilment> seen = EnumSet.noneOf(Fulfilment.class);
        for (int i = 0; inputs != null && i < inputs.size(); i++) {
            SiteFulfilmentInput fulfilment = inputs.get(i);
            Money fee = fulfilment.fee() == null ? Money.ofFen(0) : fulfilment.fee();
            if (!seen.add(fulfilment.mode())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, fulfilment.mode() + " is listed twice",
                        "input", "fulfilments", String.valueOf(i), "mode"));
            }
            if (fee.fen() < 0) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "a fee cannot be negative",
                        "input", "fulfilments", String.valueOf(i), "fee"));
            }
            fulfilments.add(new SiteFulfilment(siteId, fulfilment.mode(), fee));
        }
        return fulfilments;
    }

    private void replaceSlotsAndFulfilments(long siteId, List<SiteSlot> slotsBefore, List<SiteSlot> slots, List<SiteFulfilment> fulfilments,
                                            boolean replaceSlots, boolean replaceFulfilments) {
        if (replaceSlots) {
            recordSlotChanges(siteId, slotsBefore, slots);
            sites.deleteSlots(siteId);
            if (!slots.isEmpty()) {
                sites.insertSlots(slots);
            }
        }
        if (replaceFulfilments) {
            sites.deleteFulfilments(siteId);
            if (!fulfilments.isEmpty()) {
                sites.insertFulfilments(fulfilments);
            }
        }
    }

    /**
     * Adds to the site's slot history each slot that the change sets differently or drops, effective
     * now, so that meals served before keep the slots of their time (see {@link SiteSlotTimeline}).
     */
    private void recordSlotChanges(long siteId, List<SiteSlot> before, List<SiteSlot> after) {
        Instant now = clock.instant();
        String actor = actor();
        List<SiteSlotChange> changes = new ArrayList<>();
        after.stream().filter(slot -> !before.contains(slot)).forEach(slot -> changes.add(SiteSlotChange.of(slot, now, actor)));
        before.stream().filter(slot -> after.stream().noneMatch(kept -> kept.slot() == slot.slot()))
                .forEach(slot -> changes.add(SiteSlotChange.dropped(siteId, slot.slot(), now, actor)));
        if (!changes.isEmpty()) {
            if (!before.isEmpty()) {
                sites.startSlotHistory(siteId, actor);
            }
            sites.insertSlotChanges(changes);
        }
    }

    /** The site as MySQL holds it now, not as memory does: a change starts from the row it changes. */
    private Site current(Long siteId) {
        Site site = siteId == null ? null : sites.findById(siteId);
        if (site == null) {
            throw new org.zhucan.common.error.NotFoundException("Site", siteId);
        }
        return site;
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private static String actor() {
        return CurrentUser.get().username();
    }

    /**
     * A site is assigned only to an operator under a contract covering its community today (片区运营):
     * a hand-over to another operator (updateSite with operatorId) needs the new operator's contract
     * in force; meals from then on are recorded, and settled, as the new operator's.
     */
    private void checkContract(long operatorId, Region community, List<UserError> problems) {
        if (!contractService.covers(operatorId, community.id(), today())) {
            problems.add(UserError.of(UserErrorCode.NO_CONTRACT, "The operator holds no contract covering " + community.name() + " on "
                    + today() + ": an administrator assigns one with assignOperatorContract", "input", "operatorId"));
        }
    }

    private static UserError concurrentChange() {
        return UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The site was changed meanwhile; read it again and retry");
    }

    private static BigDecimal degrees(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }
}
