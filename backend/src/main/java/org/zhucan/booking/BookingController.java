package org.zhucan.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.Dish;
import org.zhucan.menu.DishService;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.subsidy.MealQuoteView;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyPolicy;
import org.zhucan.subsidy.SubsidyPolicyService;

@Controller
class BookingController {

    private final BookingService bookingService;

    private final BookingReadService bookingReads;
    private final RecurringBookingService recurringService;
    private final DinerService dinerService;
    private final SiteService siteService;
    private final DishService dishService;
    private final SubsidyPolicyService policyService;

    BookingController(BookingService bookingService, BookingReadService bookingReads, RecurringBookingService recurringService, DinerService dinerService,
                      SiteService siteService, DishService dishService, SubsidyPolicyService policyService) {
        this.bookingService = bookingService;
        this.bookingReads = bookingReads;
        this.recurringService = recurringService;
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.dishService = dishService;
        this.policyService = policyService;
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    Booking booking(@Argument long id) {
        return bookingReads.find(id);
    }

    @QueryMapping
    Connection<Booking> myBookings(@Argument MyBookingsFilter filter, @Argument Integer first, @Argument String after) {
        MyBookingsFilter given = filter == null ? new MyBookingsFilter(null, null, null, null) : filter;
        return bookingReads.bookingsOfMyDiners(given.dinerId(), given.from(), given.to(), given.status(), PageRequest.of(first, after));
    }

    @QueryMapping
    SlotBookings bookings(@Argument long siteId, @Argument LocalDate date, @Argument MealSlot slot) {
        return bookingReads.slotBookings(siteId, date, slot);
    }

    @QueryMapping
    SlotAvailability slotAvailability(@Argument long siteId, @Argument LocalDate date, @Argument MealSlot slot) {
        return bookingReads.availability(siteId, date, slot);
    }

    @QueryMapping
    List<RecurringBooking> recurringBookings(@Argument long dinerId) {
        return recurringService.ofDiner(dinerId);
    }

    @QueryMapping
    List<BookingMapper.NoShowRow> repeatedNoShows(@Argument long operatorId, @Argument LocalDate since, @Argument Integer atLeast) {
        return bookingReads.repeatedNoShows(operatorId, since, atLeast == null ? 2 : atLeast);
    }

    @MutationMapping
    BookingPayload bookMeal(@Argument @Valid BookMealInput input) {
        return BookingPayload.of(bookingService.bookMeal(input));
    }

    @MutationMapping
    BookingPayload cancelBooking(@Argument @Valid CancelBookingInput input) {
        return BookingPayload.of(bookingService.cancelBooking(input));
    }

    @MutationMapping
    RecurringBookingService.Result createRecurringBooking(@Argument @Valid RecurringBookingService.CreateRecurringBookingInput input) {
        RecurringBookingService.Result result = recurringService.create(input);
        if (result.recurringBooking() != null) {
            // book the dates already in the window now, not at the job's next run
            recurringService.materialise();
        }
        return result;
    }

    @MutationMapping
    RecurringBookingService.Result pauseRecurringBooking(@Argument @Valid RecurringBookingService.PauseRecurringBookingInput input) {
        return recurringService.pause(input);
    }

    // ------------------------------------------------------------ Booking

    @BatchMapping(typeName = "Booking", field = "diner")
    Map<Booking, Diner> bookingDiner(List<Booking> bookings) {
        return Batches.perParent(bookings, Booking::dinerId, dinerService.byIds(Batches.keys(bookings, Booking::dinerId)));
    }

    @BatchMapping(typeName = "Booking", field = "site")
    Map<Booking, Site> bookingSite(List<Booking> bookings) {
        return Batches.perParent(bookings, Booking::siteId, siteService.byIds(Batches.keys(bookings, Booking::siteId)));
    }

    @BatchMapping(typeName = "Booking", field = "items")
    Map<Booking, List<BookingItem>> items(List<Booking> bookings) {
        return Batches.perParent(bookings, Booking::id, bookingReads.itemsOf(Batches.keys(bookings, Booking::id)));
    }

    @BatchMapping(typeName = "Booking", field = "deliveryAddress")
    Map<Booking, String> deliveryAddress(List<Booking> bookings) {
        return bookingReads.deliveryAddressesFor(bookings);
    }

    @BatchMapping(typeName = "Booking", field = "quote")
    Map<Booking, MealQuoteView> quote(List<Booking> bookings) {
        Map<Long, SubsidyPolicy> policies = policyService.byIds(bookings.stream().map(Booking::policyId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Booking, MealQuoteView> quotes = new HashMap<>();
        for (Booking booking : bookings) {
            StoredQuote stored = bookingReads.storedQuote(booking);
            quotes.put(booking, MealQuoteView.stored(booking.price(), booking.subsidy(), booking.dinerPays(), stored.shares(),
                    booking.policyId() == null ? null : policies.get(booking.policyId()), stored.reasons()));
        }
        return quotes;
    }

    @SchemaMapping(typeName = "Booking", field = "qrPayload")
    String qrPayload(Booking booking) {
        return bookingReads.qrPayload(booking);
    }

    @BatchMapping(typeName = "BookingItem", field = "dish")
    Map<BookingItem, Dish> bookingItemDish(List<BookingItem> items) {
        return Batches.perParent(items, BookingItem::dishId, dishService.dishesByIds(Batches.keys(items, BookingItem::dishId)));
    }

    // ------------------------------------------------------------ kitchen sheet and availability

    @SchemaMapping(typeName = "SlotBookings", field = "site")
    Site slotBookingsSite(SlotBookings sheet) {
        return siteService.find(sheet.siteId());
    }

    @BatchMapping(typeName = "ItemCount", field = "dish")
    Map<BookingMapper.ItemCountRow, Dish> itemCountDish(List<BookingMapper.ItemCountRow> counts) {
        return Batches.perParent(counts, BookingMapper.ItemCountRow::dishId,
                dishService.dishesByIds(Batches.keys(counts, BookingMapper.ItemCountRow::dishId)));
    }

    @SchemaMapping(typeName = "SlotAvailability", field = "site")
    Site availabilitySite(SlotAvailability availability) {
        return siteService.find(availability.siteId());
    }

    @BatchMapping(typeName = "QuotaLeft", field = "dish")
    Map<QuotaLeft, Dish> quotaDish(List<QuotaLeft> quotas) {
        return Batches.perParent(quotas, QuotaLeft::dishId,
                dishService.dishesByIds(Batches.keys(quotas, QuotaLeft::dishId)));
    }

    // ------------------------------------------------------------ recurring bookings and no-shows

    @BatchMapping(typeName = "RecurringBooking", field = "diner")
    Map<RecurringBooking, Diner> recurringDiner(List<RecurringBooking> recurring) {
        return Batches.perParent(recurring, RecurringBooking::dinerId, dinerService.byIds(Batches.keys(recurring, RecurringBooking::dinerId)));
    }

    @BatchMapping(typeName = "RecurringBooking", field = "site")
    Map<RecurringBooking, Site> recurringSite(List<RecurringBooking> recurring) {
        return Batches.perParent(recurring, RecurringBooking::siteId, siteService.byIds(Batches.keys(recurring, RecurringBooking::siteId)));
    }

    @SchemaMapping(typeName = "RecurringBooking", field = "weekdays")
    List<DayOfWeek> weekdays(RecurringBooking recurring) {
        return recurring.weekdays().stream().sorted().toList();
    }

    @BatchMapping(typeName = "RecurringBooking", field = "pauses")
    Map<RecurringBooking, List<RecurringBooking.Pause>> pauses(List<RecurringBooking> recurring) {
        return Batches.perParent(recurring, RecurringBooking::id, recurringService.pausesOf(Batches.keys(recurring, RecurringBooking::id)));
    }

    @BatchMapping(typeName = "RecurringBooking", field = "skippedDays")
    Map<RecurringBooking, List<RecurringBooking.SkippedDay>> skippedDays(List<RecurringBooking> recurring) {
        return Batches.perParent(recurring, RecurringBooking::id, recurringService.skippedDaysOf(Batches.keys(recurring, RecurringBooking::id)));
    }

    @BatchMapping(typeName = "NoShowRecord", field = "diner")
    Map<BookingMapper.NoShowRow, Diner> noShowDiner(List<BookingMapper.NoShowRow> rows) {
        return Batches.perParent(rows, BookingMapper.NoShowRow::dinerId, dinerService.byIds(Batches.keys(rows, BookingMapper.NoShowRow::dinerId)));
    }

    record MyBookingsFilter(Long dinerId, LocalDate from, LocalDate to, BookingStatus status) {
    }

    record BookingPayload(Booking booking, List<org.zhucan.common.error.UserError> userErrors) {

        static BookingPayload of(BookingResult result) {
            return new BookingPayload(result.booking(), result.userErrors());
        }
    }
}
