package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.money.Money;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * quoteMeal: gathers what {@link SubsidyRules} needs (the diner on the date, where the site is,
 * the policy of the diner's home district in force that day, the subsidised meals already taken)
 * and returns its split. Bookings, serving and settlement call this, never the rules directly.
 */
@Service
public class QuoteService {

    private final DinerService dinerService;
    private final SiteService siteService;
    private final RegionService regionService;
    private final SubsidyPolicyService policyService;
    private final SubsidyUsage usage;

    QuoteService(DinerService dinerService, SiteService siteService, RegionService regionService, SubsidyPolicyService policyService,
                 SubsidyUsage usage) {
        this.dinerService = dinerService;
        this.siteService = siteService;
        this.regionService = regionService;
        this.policyService = policyService;
        this.usage = usage;
    }

    @Transactional(readOnly = true)
    public SubsidyRules.Quote quote(long dinerId, long siteId, LocalDate date, MealSlot slot, Money price) {
        return quoteAll(dinerId, siteId, date, slot, List.of(price)).get(0);
    }

    /** A quote for a diner already read (a booking reads the diner once for its own rules and the quote). */
    @Transactional(readOnly = true)
    public SubsidyRules.Quote quote(QuoteFacts diner, long siteId, LocalDate date, MealSlot slot, Money price) {
        return quoteAll(diner, siteId, date, slot, List.of(price)).get(0);
    }

    /** Quotes for several prices at one site, date and slot, gathering the diner, site and policy once. */
    @Transactional(readOnly = true)
    public List<SubsidyRules.Quote> quoteAll(long dinerId, long siteId, LocalDate date, MealSlot slot, List<Money> prices) {
        return quoteAll(dinerService.quoteFacts(dinerId, date), siteId, date, slot, prices);
    }

    private List<SubsidyRules.Quote> quoteAll(QuoteFacts diner, long siteId, LocalDate date, MealSlot slot, List<Money> prices) {
        return new Quoter().quoteAll(diner, siteId, date, slot, prices, null);
    }

    /**
     * A quoter for many meals in one go, e.g. an offline upload of a thousand records: it reads each
     * site, place and policy in force once and keeps them for as long as it is used. Published
     * policies never change, so nothing it keeps goes stale within a request.
     */
    public Quoter quoter() {
        return new Quoter();
    }

    /** Quotes meals, remembering the sites, places and policies it has read. Not thread-safe: one per request. */
    public final class Quoter {

        private final java.util.Map<Long, Site> sites = new java.util.HashMap<>();
        private final java.util.Map<Long, Region> places = new java.util.HashMap<>();
        private final java.util.Map<String, java.util.Optional<SubsidyRules.Policy>> policies = new java.util.HashMap<>();
        private final java.util.Map<String, AssessmentSchedules> schedules = new java.util.HashMap<>();

        private Quoter() {
        }

        /**
         * The quote for a diner already read, with the subsidised meals already taken as the caller
         * counted them (an upload counts its own records as it goes).
         */
        public SubsidyRules.Quote quote(QuoteFacts diner, long siteId, LocalDate date, MealSlot slot, Money price,
                                        SubsidyRules.Usage taken) {
            return quoteAll(diner, siteId, date, slot, List.of(price), taken).get(0);
        }

        List<SubsidyRules.Quote> quoteAll(QuoteFacts diner, long siteId, LocalDate date, MealSlot slot, List<Money> prices,
                                          SubsidyRules.Usage given) {
            if (prices.stream().anyMatch(price -> price.fen() < 0)) {
                throw new BadRequestException("price cannot be negative", "price");
            }
            Site site = sites.computeIfAbsent(siteId, siteService::find);
            if (site == null) {
                sites.remove(siteId);
                throw new NotFoundException("Site", siteId);
            }
            long dinerId = diner.diner().id();
            List<Long> missing = java.util.stream.Stream.of(diner.diner().homeCommunityId(), site.communityId())
                    .filter(id -> !places.containsKey(id)).distinct().toList();
            if (!missing.isEmpty()) {
                places.putAll(regionService.placesOf(missing));
            }
            String homeCode = places.get(diner.diner().homeCommunityId()).divisionCode();
            String siteCode = places.get(site.communityId()).divisionCode();
            SubsidyRules.Policy policy = policies.computeIfAbsent(homeCode.substring(0, 6) + "|" + date, key -> {
                Region homeDistrict = regionService.placeByCode(homeCode.substring(0, 6) + "000000");
                return java.util.Optional.ofNullable(homeDistrict == null ? null : policyService.policyInForce(homeDistrict.id(), date));
            }).orElse(null);
            SubsidyRules.DinerOnDay dinerOnDay = new SubsidyRules.DinerOnDay(diner.active(), diner.age(), diner.categories(), homeCode, date,
                    policy != null && policy.needsAssessments() ? assessment(diner.latestAssessment(), homeCode) : null);
            SubsidyRules.Usage taken = given != null ? given : usage.usage(dinerId, date, slot);
            return prices.stream().map(price -> SubsidyRules.quote(policy, dinerOnDay, new SubsidyRules.Meal(slot, price.fen(), siteCode), taken))
                    .toList();
        }

        /**
         * The latest assessment with the schedule of the policy in force in the diner's home district on
         * the day it was made; each district's schedules are read once per quoter.
         */
        private SubsidyRules.Assessment assessment(org.zhucan.diner.AbilityAssessment latest, String homeCode) {
            if (latest == null) {
                return null;
            }
            String district = AssessmentSchedules.districtOf(homeCode);
            AssessmentSchedules ofDistrict = schedules.computeIfAbsent(district, code -> policyService.schedulesOf(List.of(code)));
            return new SubsidyRules.Assessment(latest.level(), latest.assessedOn(), ofDistrict.on(district, latest.assessedOn()));
        }
    }

    /** {@link #quoteAll} as the API shows it. */
    @Transactional(readOnly = true)
    public List<MealQuoteView> quoteViews(long dinerId, long siteId, LocalDate date, MealSlot slot, List<Money> prices) {
        requireMayQuoteAt(siteId);
        return views(quoteAll(dinerId, siteId, date, slot, prices));
    }

    /** The quotes of a menu's prices with the diner's allergies and diet needs, the diner read once for both. */
    @Transactional(readOnly = true)
    public MenuQuotes quoteMenu(long dinerId, long siteId, LocalDate date, MealSlot slot, List<Money> prices) {
        requireMayQuoteAt(siteId);
        QuoteFacts diner = dinerService.quoteFacts(dinerId, date);
        return new MenuQuotes(diner.diner().allergies(), diner.diner().dietNeeds(), views(quoteAll(diner, siteId, date, slot, prices)));
    }

    /** A menu's quotes, in price order, and the diner's allergies and diet needs (read in the same statement as the quote's facts). */
    public record MenuQuotes(java.util.Set<org.zhucan.common.diet.Allergen> allergies, java.util.Set<org.zhucan.common.diet.DietNeed> dietNeeds,
                             List<MealQuoteView> quotes) {
    }

    /**
     * Counter staff quote any diner, since anyone may walk in, but only at their own operator's
     * counters: elsewhere a diner's quote (its categories, its dietary notes) is none of their
     * business. Other roles are scoped by the diner (DinerService), whatever the site.
     */
    private void requireMayQuoteAt(long siteId) {
        CurrentUser user = CurrentUser.get();
        if (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.DINER) || !user.roles().contains(Role.OPERATOR)) {
            return;
        }
        Site site = siteService.require(siteId);
        if (!user.actsForOperator(site.operatorId())) {
            throw new AccessDeniedException("counter staff quote diners at their own operator's sites");
        }
    }

    private List<MealQuoteView> views(List<SubsidyRules.Quote> quotes) {
        SubsidyPolicy policy = quotes.isEmpty() || quotes.get(0).policy() == null ? null : policyService.find(quotes.get(0).policy().id());
        return quotes.stream().map(quote -> new MealQuoteView(Money.ofFen(quote.priceFen()), Money.ofFen(quote.subsidyFen()),
                Money.ofFen(quote.dinerPaysFen()), quote.shares().stream()
                .map(share -> new MealQuoteView.QuotedShare(share.source(), Money.ofFen(share.amountFen()), share.zeroBecause())).toList(),
                policy, quote.reasons())).toList();
    }

    /** A menu to quote for {@link #quoteMenus}: its site, date and slot, and its prices in the menu's order. */
    public record MenuPrices(long siteId, LocalDate date, MealSlot slot, List<Money> prices) {
    }

    /** One menu's quotes, or why {@link #quoteMenu} would have refused them (NOT_FOUND, FORBIDDEN). */
    public record MenuQuoting(MenuQuotes quotes, RuntimeException refusal) {
    }

    /**
     * {@link #quoteMenu} for many menus of one diner at once (a page of sites, each with its menu):
     * the sites and their places are read in one statement each, the diner's facts and the policy
     * once per date, the meals already taken once per date and slot, so the statements do not grow
     * with the number of sites. The rules are quoteMenu's, menu by menu: a site counter staff may
     * not quote at, or a diner the caller may not quote for, refuses that menu (in the order
     * quoteMenu checks them) and the others are still quoted. Answers in the order asked.
     */
    @Transactional(readOnly = true)
    public List<MenuQuoting> quoteMenus(long dinerId, List<MenuPrices> menus) {
        if (menus.isEmpty()) {
            return List.of();
        }
        CurrentUser user = CurrentUser.get();
        boolean counterStaff = !user.roles().contains(Role.ADMIN) && !user.roles().contains(Role.DINER) && user.roles().contains(Role.OPERATOR);
        java.util.Map<Long, Site> sites = siteService.byIds(menus.stream().map(MenuPrices::siteId).distinct().toList());
        Quoter quoter = new Quoter();
        // primed here so that the quoter reads no site and no site's place one by one
        quoter.sites.putAll(sites);
        quoter.places.putAll(regionService.byIds(sites.values().stream().map(Site::communityId).distinct().toList()));
        java.util.Map<LocalDate, java.util.Optional<QuoteFacts>> facts = new java.util.HashMap<>();
        java.util.Map<String, SubsidyRules.Usage> taken = new java.util.HashMap<>();
        java.util.Map<Long, SubsidyPolicy> policies = new java.util.HashMap<>();
        List<MenuQuoting> answers = new java.util.ArrayList<>();
        for (MenuPrices menu : menus) {
            Site site = sites.get(menu.siteId());
            if (site == null) {
                answers.add(new MenuQuoting(null, new NotFoundException("Site", menu.siteId())));
                continue;
            }
            if (counterStaff && !user.actsForOperator(site.operatorId())) {
                answers.add(new MenuQuoting(null, new AccessDeniedException("counter staff quote diners at their own operator's sites")));
                continue;
            }
            QuoteFacts diner = facts.computeIfAbsent(menu.date(),
                    date -> java.util.Optional.ofNullable(dinerService.quoteFactsOn(List.of(dinerId), date).get(dinerId))).orElse(null);
            if (diner == null) {
                answers.add(new MenuQuoting(null, new NotFoundException("Diner", dinerId)));
                continue;
            }
            SubsidyRules.Usage already = taken.computeIfAbsent(menu.date() + "|" + menu.slot(), key -> usage.usage(dinerId, menu.date(), menu.slot()));
            List<SubsidyRules.Quote> quotes = quoter.quoteAll(diner, site.id(), menu.date(), menu.slot(), menu.prices(), already);
            answers.add(new MenuQuoting(new MenuQuotes(diner.diner().allergies(), diner.diner().dietNeeds(), viewsWith(quotes, policies)), null));
        }
        return answers;
    }

    /** {@link #views}, with each policy read once for many menus (the policies read so far are kept in the map given). */
    private List<MealQuoteView> viewsWith(List<SubsidyRules.Quote> quotes, java.util.Map<Long, SubsidyPolicy> policies) {
        SubsidyPolicy policy = quotes.isEmpty() || quotes.get(0).policy() == null ? null
                : policies.computeIfAbsent(quotes.get(0).policy().id(), policyService::find);
        return quotes.stream().map(quote -> new MealQuoteView(Money.ofFen(quote.priceFen()), Money.ofFen(quote.subsidyFen()),
                Money.ofFen(quote.dinerPaysFen()), quote.shares().stream()
                .map(share -> new MealQuoteView.QuotedShare(share.source(), Money.ofFen(share.amountFen()), share.zeroBecause())).toList(),
                policy, quote.reasons())).toList();
    }
}
