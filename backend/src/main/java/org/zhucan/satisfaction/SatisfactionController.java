package org.zhucan.satisfaction;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

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
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.serving.MealRecord;

@Controller
class SatisfactionController {

    private final SatisfactionService satisfactionService;
    private final SiteService siteService;
    private final OperatorService operatorService;
    private final DinerService dinerService;

    SatisfactionController(SatisfactionService satisfactionService, SiteService siteService, OperatorService operatorService,
                           DinerService dinerService) {
        this.satisfactionService = satisfactionService;
        this.siteService = siteService;
        this.operatorService = operatorService;
        this.dinerService = dinerService;
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    List<RateableMeal> mealsToRate(@Argument Long dinerId) {
        return satisfactionService.mealsToRate(dinerId);
    }

    @QueryMapping
    SiteRatings siteRatings(@Argument long siteId, @Argument YearMonth month) {
        return satisfactionService.siteRatings(siteId, month);
    }

    @MutationMapping
    SatisfactionService.RateResult rateMeal(@Argument SatisfactionService.RateMealInput input) {
        return satisfactionService.rate(input);
    }

    // ------------------------------------------------------------ ratings, batched

    /**
     * Administrators only: a meal record names its diner, so beside it a rating would no longer be
     * anonymous, and elderly diners rate honestly only if the canteen cannot tell who said what.
     * Operators and finance read ratings through siteRatings, without names. A region's ADMIN read
     * the records in its region's scope only, so it sees the ratings of those only.
     */
    @BatchMapping(typeName = "MealRecord", field = "rating")
    Map<MealRecord, MealRating> recordRating(List<MealRecord> records) {
        Map<Long, MealRating> ratings = CurrentUser.get().roles().contains(Role.ADMIN)
                ? satisfactionService.ratingsOfMeals(Batches.keys(records, MealRecord::id)) : Map.of();
        return Batches.perParent(records, MealRecord::id, ratings);
    }

    /** The call reference is the hotline's business: its staff and ADMIN read it; null for the others (no SQL). */
    @SchemaMapping(typeName = "MealRating", field = "callReference")
    String ratingCallReference(MealRating rating) {
        var roles = CurrentUser.get().roles();
        return roles.contains(Role.ADMIN) || roles.contains(Role.HOTLINE) ? rating.callReference() : null;
    }

    @BatchMapping(typeName = "MealRating", field = "site")
    Map<MealRating, Site> ratingSite(List<MealRating> ratings) {
        return Batches.perParent(ratings, MealRating::siteId, siteService.byIds(Batches.keys(ratings, MealRating::siteId)));
    }

    @BatchMapping(typeName = "MealRating", field = "tags")
    Map<MealRating, List<RatingTag>> ratingTags(List<MealRating> ratings) {
        return Batches.perParent(ratings, MealRating::id, satisfactionService.tagsOf(Batches.keys(ratings, MealRating::id)));
    }

    // ------------------------------------------------------------ meals to rate, batched

    /** The diners are the caller's own, so the diner service's scope lets every one through. */
    @BatchMapping(typeName = "RateableMeal", field = "diner")
    Map<RateableMeal, Diner> rateableDiner(List<RateableMeal> meals) {
        return Batches.perParent(meals, RateableMeal::dinerId, dinerService.byIds(Batches.keys(meals, RateableMeal::dinerId)));
    }

    @BatchMapping(typeName = "RateableMeal", field = "site")
    Map<RateableMeal, Site> rateableSite(List<RateableMeal> meals) {
        return Batches.perParent(meals, RateableMeal::siteId, siteService.byIds(Batches.keys(meals, RateableMeal::siteId)));
    }

    @BatchMapping(typeName = "RateableMeal", field = "rating")
    Map<RateableMeal, MealRating> rateableRating(List<RateableMeal> meals) {
        return Batches.perParent(meals, RateableMeal::mealRecordId,
                satisfactionService.ratingsOfMeals(Batches.keys(meals, RateableMeal::mealRecordId)));
    }

    // ------------------------------------------------------------ a site's month

    @SchemaMapping(typeName = "SiteRatings", field = "site")
    Site siteRatingsSite(SiteRatings ratings) {
        return siteService.require(ratings.siteId());
    }

    @SchemaMapping(typeName = "SiteRatings", field = "tagCounts")
    List<SiteRatings.TagCount> tagCounts(SiteRatings ratings) {
        return satisfactionService.tagCounts(ratings);
    }

    @SchemaMapping(typeName = "SiteRatings", field = "operator")
    SiteRatings.OperatorRatings operatorRatings(SiteRatings ratings) {
        return satisfactionService.operatorRatings(ratings);
    }

    @SchemaMapping(typeName = "SiteRatings", field = "ratings")
    Connection<MealRating> ratings(SiteRatings ratings, @Argument Integer first, @Argument String after) {
        return satisfactionService.ratingPage(ratings, PageRequest.of(first, after));
    }

    @BatchMapping(typeName = "OperatorRatings", field = "operator")
    Map<SiteRatings.OperatorRatings, Operator> operator(List<SiteRatings.OperatorRatings> operators) {
        return Batches.perParent(operators, SiteRatings.OperatorRatings::operatorId,
                operatorService.byIds(Batches.keys(operators, SiteRatings.OperatorRatings::operatorId)));
    }
}
