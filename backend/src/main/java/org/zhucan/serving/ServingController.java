package org.zhucan.serving;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.booking.Booking;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;
import org.zhucan.menu.Dish;
import org.zhucan.menu.DishService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.payments.Payment;
import org.zhucan.payments.PaymentService;
import org.zhucan.security.LiveTokens;
import org.zhucan.subsidy.MealQuoteView;
import org.zhucan.subsidy.StoredQuote;
import org.zhucan.subsidy.SubsidyPolicy;
import org.zhucan.subsidy.SubsidyPolicyService;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@Controller
class ServingController {

    private final ServingService servingService;
    private final MealRecordReadService mealRecords;
    private final MealUploadService uploads;
    private final UploadArgument uploadArgument;
    private final MealCorrectionService corrections;
    private final MealsServedFeed feed;
    private final CounterBookings counterBookings;
    private final DinerService dinerService;
    private final SiteService siteService;
    private final DishService dishService;
    private final SubsidyPolicyService policyService;
    private final LiveTokens liveTokens;
    private final PaymentService payments;

    ServingController(ServingService servingService, MealRecordReadService mealRecords, MealUploadService uploads, UploadArgument uploadArgument, MealCorrectionService corrections,
                      MealsServedFeed feed, CounterBookings counterBookings, DinerService dinerService,
                      SiteService siteService, DishService dishService, SubsidyPolicyService policyService, LiveTokens liveTokens,
                      PaymentService payments) {
        this.servingService = servingService;
        this.mealRecords = mealRecords;
        this.uploads = uploads;
        this.uploadArgument = uploadArgument;
        this.corrections = corrections;
        this.feed = feed;
        this.counterBookings = counterBookings;
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.dishService = dishService;
        this.policyService = policyService;
        this.liveTokens = liveTokens;
        this.payments = payments;
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    MealRecord mealRecord(@Argument long id) {
        return mealRecords.find(id);
    }

    @QueryMapping
    Connection<MealRecord> mealRecords(@Argument MealRecordFilter filter, @Argument Integer first, @Argument String after) {
        return mealRecords.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Connection<MealRecordFlag> mealRecordFlags(@Argument MealRecordFlagFilter filter, @Argument Integer first,
                                               @Argument String after) {
        return mealRecords.flags(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Dashboard servingDashboard(@Argument long siteId, @Argument LocalDate date) {
        return mealRecords.dashboard(siteId, date);
    }

    @MutationMapping
    RecordResult logMeal(@Argument @Valid LogMealInput input) {
        return servingService.logMeal(input);
    }

    /** The input as graphql-java coerced it, read by {@link UploadArgument} (its records carry no constraints to validate). */
    @MutationMapping
    UploadResult uploadMealRecords(@Argument("input") Map<String, Object> input) throws org.springframework.validation.BindException {
        return uploads.upload(uploadArgument.read(input));
    }

    @MutationMapping
    CorrectionResult voidMealRecord(@Argument @Valid VoidMealRecordInput input) {
        return corrections.voidRecord(input);
    }

    @MutationMapping
    CorrectionResult correctMealRecord(@Argument @Valid CorrectMealRecordInput input) {
        return corrections.correct(input);
    }

    /**
     * Checked when the screen subscribes, and the token again before each event (a revoked one ends
     * the subscription); each event's record is read off the listener thread.
     */
    @SubscriptionMapping
    Flux<MealRecord> mealsServed(@Argument long siteId) {
        mealRecords.requireMayWatch(siteId);
        return liveTokens.whileValid(feed.events().filter(served -> served.siteId() == siteId)
                        .publishOn(Schedulers.boundedElastic()))
                .mapNotNull(served -> mealRecords.forFeed(served.recordId()));
    }

    // ------------------------------------------------------------ MealRecord

    @BatchMapping(typeName = "MealRecord", field = "site")
    Map<MealRecord, Site> recordSite(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::siteId, siteService.byIds(Batches.keys(records, MealRecord::siteId)));
    }

    @BatchMapping(typeName = "MealRecord", field = "diner")
    Map<MealRecord, Diner> recordDiner(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::dinerId, dinerService.byIds(Batches.keys(records, MealRecord::dinerId)));
    }

    @BatchMapping(typeName = "MealRecord", field = "payments")
    Map<MealRecord, List<Payment>> recordPayments(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::id, payments.ofMealRecords(Batches.keys(records, MealRecord::id)));
    }

    @BatchMapping(typeName = "MealRecord", field = "booking")
    Map<MealRecord, Booking> recordBooking(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::bookingId, counterBookings.byIdsForRecords(Batches.keys(records, MealRecord::bookingId)));
    }

    @BatchMapping(typeName = "MealRecord", field = "items")
    Map<MealRecord, List<MealRecordItem>> recordItems(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::id, mealRecords.itemsOf(Batches.keys(records, MealRecord::id)));
    }

    @BatchMapping(typeName = "MealRecord", field = "flags")
    Map<MealRecord, List<MealRecordFlag>> recordFlags(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::id, mealRecords.flagsOf(Batches.keys(records, MealRecord::id)));
    }

    @BatchMapping(typeName = "MealRecord", field = "reverses")
    Map<MealRecord, MealRecord> reverses(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::reversesId, mealRecords.byIds(Batches.keys(records, MealRecord::reversesId)));
    }

    @BatchMapping(typeName = "MealRecord", field = "correctionOf")
    Map<MealRecord, MealRecord> correctionOf(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::correctsId, mealRecords.byIds(Batches.keys(records, MealRecord::correctsId)));
    }

    @BatchMapping(typeName = "MealRecord", field = "reversedBy")
    Map<MealRecord, MealRecord> reversedBy(List<MealRecord> records) {
        return Batches.perParent(records, MealRecord::reversedById, mealRecords.byIds(Batches.keys(records, MealRecord::reversedById)));
    }

    @SchemaMapping(typeName = "MealRecord", field = "voided")
    boolean voided(MealRecord record) {
        return record.reversedById() != null;
    }

    @BatchMapping(typeName = "MealRecord", field = "quote")
    Map<MealRecord, MealQuoteView> quote(List<MealRecord> records) {
        Map<Long, SubsidyPolicy> policies = policyService.byIds(records.stream().map(MealRecord::policyId).filter(Objects::nonNull).distinct().toList());
        Map<MealRecord, MealQuoteView> quotes = new HashMap<>();
        for (MealRecord record : records) {
            StoredQuote stored = mealRecords.storedQuote(record);
            quotes.put(record, MealQuoteView.stored(record.price(), record.subsidy(), record.dinerPays(), stored.shares(),
                    record.policyId() == null ? null : policies.get(record.policyId()), stored.reasons()));
        }
        return quotes;
    }

    @BatchMapping(typeName = "MealRecordItem", field = "dish")
    Map<MealRecordItem, Dish> itemDish(List<MealRecordItem> items) {
        return Batches.perParent(items, MealRecordItem::dishId, dishService.dishesByIds(Batches.keys(items, MealRecordItem::dishId)));
    }

    // ------------------------------------------------------------ flags and the dashboard

    @BatchMapping(typeName = "MealRecordFlag", field = "site")
    Map<MealRecordFlag, Site> flagSite(List<MealRecordFlag> flags) {
        return Batches.perParent(flags, MealRecordFlag::siteId, siteService.byIds(Batches.keys(flags, MealRecordFlag::siteId)));
    }

    @BatchMapping(typeName = "MealRecordFlag", field = "record")
    Map<MealRecordFlag, MealRecord> flagRecord(List<MealRecordFlag> flags) {
        return Batches.perParent(flags, MealRecordFlag::recordId, mealRecords.byIds(Batches.keys(flags, MealRecordFlag::recordId)));
    }

    @BatchMapping(typeName = "MealRecordFlag", field = "relatedRecord")
    Map<MealRecordFlag, MealRecord> flagRelatedRecord(List<MealRecordFlag> flags) {
        return Batches.perParent(flags, MealRecordFlag::relatedRecordId,
                mealRecords.readableByIds(Batches.keys(flags, MealRecordFlag::relatedRecordId)));
    }

    @SchemaMapping(typeName = "ServingDashboard", field = "site")
    Site dashboardSite(Dashboard dashboard) {
        return siteService.require(dashboard.siteId());
    }
}
