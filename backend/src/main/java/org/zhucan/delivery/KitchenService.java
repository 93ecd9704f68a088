package org.zhucan.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.booking.Booking;
import org.zhucan.booking.BookingItem;
import org.zhucan.booking.BookingReadService;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.MealSlot;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;

/**
 * A central kitchen's production sheet (生产单) over every point it supplies, and a dispatch record per point
 * (配送交接): the kitchen's staff record the portions sent, the point's staff the portions received; a discrepancy
 * needs its note. The kitchen itself takes no bookings or meals (that rule is the booking feature's).
 */
@Service
public class KitchenService {

    private static final int MAX_PORTIONS = 10_000;

    private final KitchenMapper mapper;
    private final SiteService siteService;
    private final NetworkAccess networkAccess;
    private final BookingReadService bookings;
    private final AuditService audit;
    private final Clock clock;

    KitchenService(KitchenMapper mapper, SiteService siteService, NetworkAccess networkAccess, BookingReadService bookings, AuditService audit,
                   Clock clock) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.networkAccess = networkAccess;
        this.bookings = bookings;
        this.audit = audit;
        this.clock = clock;
    }

    /** kitchenProductionSheet: the kitchen's staff and ADMIN; each point's live bookings (its kitchen sheet) and dispatch. */
    @Transactional(readOnly = true)
    public ProductionSheet sheet(long kitchenId, LocalDate date, MealSlot slot) {
        Site kitchen = requireKitchenStaff(CurrentUser.get(), kitchenId);
        Map<Long, KitchenDispatch> dispatches = new HashMap<>();
        mapper.findDispatchesOf(kitchen.id(), date, slot).forEach(d -> dispatches.put(d.pointId(), d));
        List<PointProduction> points = new ArrayList<>();
        // the points it supplies (by their suppliedBy), their live bookings and the bookings' items: one read each,
        // however many points; the bookings are the booking feature's own read, open to the kitchen's staff for its points
        List<Long> supplied = mapper.findSuppliedBy(kitchen.id());
        Map<Long, List<Booking>> booked = bookings.suppliedPointsBookings(supplied, date, slot);
        Map<Long, List<BookingItem>> itemsByBooking = bookings.itemsOf(booked.values().stream().flatMap(List::stream).map(Booking::id).toList());
        for (long point : supplied) {
            List<Booking> live = booked.get(point);
            points.add(new PointProduction(point, live.size(), items(live, itemsByBooking), dispatches.get(point)));
        }
        return new ProductionSheet(kitchen.id(), date, slot, points);
    }

    @Transactional
    public KitchenDispatchPayload recordDispatch(RecordKitchenDispatchInput input) {
        CurrentUser user = CurrentUser.get();
        Site kitchen = requireKitchenStaff(user, input.kitchenId());
        Site point = siteService.require(input.pointId());
        if (point.suppliedById() == null || point.suppliedById() != kitchen.id()) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, point.name() + " is not supplied by " + kitchen.name(),
                    "input", "pointId"));
        }
        if (input.date() == null || input.slot() == null) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give the date and the slot", "input"));
        }
        if (input.portionsSent() == null || input.portionsSent() < 0 || input.portionsSent() > MAX_PORTIONS) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Portions sent are 0 to " + MAX_PORTIONS, "input", "portionsSent"));
        }
        GeneratedKey key = new GeneratedKey();
        try {
            mapper.insertDispatch(kitchen.id(), point.id(), input.date(), input.slot(), input.portionsSent(), user.username(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS), key);
        } catch (DuplicateKeyException recorded) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The dispatch to " + point.name() + " for "
                    + input.date() + " " + input.slot() + " was recorded already", "input", "pointId"));
        }
        audit.record("kitchen.dispatch.send", "KitchenDispatch", key.value(), null, Map.of("pointId", point.id(), "portionsSent", input.portionsSent()));
        return new KitchenDispatchPayload(mapper.findDispatch(key.value()), List.of());
    }

    @Transactional
    public KitchenDispatchPayload recordReceipt(RecordDispatchReceiptInput input) {
        CurrentUser user = CurrentUser.get();
        KitchenDispatch dispatch = mapper.findDispatch(input.dispatchId());
        if (dispatch == null) {
            throw new NotFoundException("KitchenDispatch", input.dispatchId());
        }
        if (!networkAccess.isStaffOf(user, siteService.require(dispatch.pointId()))) {
            throw new AccessDeniedException("the receiving point's staff record what arrived");
        }
        if (input.portionsReceived() == null || input.portionsReceived() < 0 || input.portionsReceived() > MAX_PORTIONS) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Portions received are 0 to " + MAX_PORTIONS,
                    "input", "portionsReceived"));
        }
        String note = input.discrepancyNote() == null || input.discrepancyNote().isBlank() ? null : input.discrepancyNote().strip();
        if (input.portionsReceived() != dispatch.portionsSent() && (note == null || note.length() > 255)) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, (dispatch.portionsSent() - input.portionsReceived())
                    + " portions differ from what was sent: say why, in at most 255 characters", "input", "discrepancyNote"));
        }
        if (mapper.receive(dispatch.id(), input.portionsReceived(), note, user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)) == 0) {
            return KitchenDispatchPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The receipt was recorded already",
                    "input", "dispatchId"));
        }
        audit.record("kitchen.dispatch.receive", "KitchenDispatch", dispatch.id(), Map.of("portionsSent", dispatch.portionsSent()),
                Map.of("portionsReceived", input.portionsReceived()));
        return new KitchenDispatchPayload(mapper.findDispatch(dispatch.id()), List.of());
    }

    /** Portions per dish or set meal of the bookings, most first; one statement. */
    private static List<ProductionItem> items(List<Booking> live, Map<Long, List<BookingItem>> itemsByBooking) {
        Map<String, ProductionItem> byName = new java.util.LinkedHashMap<>();
        live.stream().flatMap(booking -> itemsByBooking.getOrDefault(booking.id(), List.of()).stream()).forEach(item ->
                byName.merge(item.name() + "|" + item.setMealName(), new ProductionItem(item.name(), item.setMealName(), item.quantity()),
                        (a, b) -> new ProductionItem(a.name(), a.setMealName(), a.quantity() + b.quantity())));
        return byName.values().stream().sorted(java.util.Comparator.comparingInt(ProductionItem::quantity).reversed()).toList();
    }

    private Site requireKitchenStaff(CurrentUser user, long kitchenId) {
        Site kitchen = siteService.require(kitchenId);
        if (kitchen.kind() != SiteKind.CENTRAL_KITCHEN) {
            throw new BadRequestException(kitchen.name() + " is not a central kitchen", "kitchenId");
        }
        if (!networkAccess.isStaffOf(user, kitchen)) {
            throw new AccessDeniedException("only the kitchen's staff see and record its production");
        }
        return kitchen;
    }
}
