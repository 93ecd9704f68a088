package org.zhucan.menu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.money.Money;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.subsidy.MealQuoteView;
import org.zhucan.subsidy.QuoteService;
import reactor.core.publisher.Mono;

@Controller
class MenuController {

    private final MenuService menuService;
    private final DishService dishService;
    private final QuoteService quoteService;
    private final SiteService siteService;
    private final OperatorService operatorService;
    private final NutritionTargets nutrition;

    MenuController(MenuService menuService, DishService dishService, QuoteService quoteService, SiteService siteService,
                   OperatorService operatorService, NutritionTargets nutrition, BatchLoaderRegistry batchLoaders) {
        this.nutrition = nutrition;
        this.menuService = menuService;
        this.dishService = dishService;
        this.quoteService = quoteService;
        this.siteService = siteService;
        this.operatorService = operatorService;
        batchLoaders.<SiteMenus, SiteMenusAnswer>forName(SITE_MENUS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> siteMenus(keys)));
    }

    /** The DataLoader of Site.menu and Site.menus ({@link SiteMenuFetchers}): the menus of a site over dates and a slot, quoted for a diner if asked. */
    static final String SITE_MENUS = "siteMenus";

    /** What Site.menu and Site.menus ask of one site: a date range, a slot (null for all) and the diner to quote for (or null). */
    record SiteMenus(long siteId, LocalDate from, LocalDate to, MealSlot slot, Long forDinerId) {
    }

    /** The menus of one key, or why the diner's quotes were refused for one of them (as the root menu field refuses). */
    record SiteMenusAnswer(List<MenuResult> menus, RuntimeException refusal) {

        List<MenuResult> orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return menus;
        }
    }

    /**
     * One cache read (and at most one database read) per distinct range and slot, however many
     * sites; then, per diner asked for, one batch of quotes over all those sites' menus.
     */
    private Map<SiteMenus, SiteMenusAnswer> siteMenus(Set<SiteMenus> keys) {
        Map<SiteMenus, List<MenuView>> menus = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(key -> new SiteMenus(0, key.from(), key.to(), key.slot(), null))).forEach((range, ofRange) -> {
            Map<Long, List<MenuView>> bySite = menuService.publishedMenusIn(ofRange.stream().map(SiteMenus::siteId).distinct().toList(),
                    range.from(), range.to(), range.slot());
            ofRange.forEach(key -> menus.put(key, bySite.getOrDefault(key.siteId(), List.of())));
        });
        Map<SiteMenus, SiteMenusAnswer> answers = new HashMap<>();
        Map<Long, List<SiteMenus>> byDiner = new HashMap<>();
        for (SiteMenus key : keys) {
            if (key.forDinerId() == null) {
                answers.put(key, new SiteMenusAnswer(menus.get(key).stream().map(this::unquoted).toList(), null));
            } else {
                byDiner.computeIfAbsent(key.forDinerId(), dinerId -> new ArrayList<>()).add(key);
            }
        }
        byDiner.forEach((dinerId, ofDiner) -> {
            List<QuoteService.MenuPrices> asked = ofDiner.stream().flatMap(key -> menus.get(key).stream())
                    .map(menu -> new QuoteService.MenuPrices(menu.siteId(), menu.date(), menu.slot(), prices(menu))).toList();
            Iterator<QuoteService.MenuQuoting> quotings = quoteService.quoteMenus(dinerId, asked).iterator();
            for (SiteMenus key : ofDiner) {
                List<MenuResult> quoted = new ArrayList<>();
                RuntimeException refusal = null;
                for (MenuView menu : menus.get(key)) {
                    QuoteService.MenuQuoting quoting = quotings.next();
                    if (quoting.refusal() != null) {
                        refusal = refusal == null ? quoting.refusal() : refusal;
                    } else {
                        quoted.add(quoted(menu, quoting.quotes()));
                    }
                }
                answers.put(key, new SiteMenusAnswer(refusal == null ? quoted : null, refusal));
            }
        });
        return answers;
    }

    @QueryMapping
    Connection<Dish> dishes(@Argument long operatorId, @Argument DishFilter filter, @Argument Integer first, @Argument String after) {
        DishFilter given = filter == null ? new DishFilter(null, null, null) : filter;
        return dishService.dishes(operatorId, given.text(), given.tag(), Boolean.TRUE.equals(given.activeOnly()), PageRequest.of(first, after));
    }

    @QueryMapping
    MenuResult menu(@Argument long siteId, @Argument LocalDate date, @Argument MealSlot slot, @Argument Long forDinerId) {
        MenuView menu = menuService.publishedMenu(siteId, date, slot);
        return menu == null ? null : forDiner(menu, forDinerId);
    }

    @QueryMapping
    List<MenuResult> weekMenu(@Argument long siteId, @Argument LocalDate weekStart, @Argument Long forDinerId) {
        return menuService.publishedWeek(siteId, weekStart).stream().map(menu -> forDiner(menu, forDinerId)).toList();
    }

    @MutationMapping
    DishResult saveDish(@Argument @Valid SaveDishInput input) {
        return dishService.saveDish(input);
    }

    @MutationMapping
    MenuPayload saveMenu(@Argument @Valid SaveMenuInput input) {
        return menuPayload(menuService.saveMenu(input));
    }

    @MutationMapping
    MenuPayload publishMenu(@Argument PublishMenuInput input) {
        return menuPayload(menuService.publishMenu(input.menuId()));
    }

    @MutationMapping
    MenuPayload amendMenu(@Argument @Valid AmendMenuInput input) {
        return menuPayload(menuService.amendMenu(input));
    }

    @MutationMapping
    CopyWeekMenuPayload copyWeekMenu(@Argument CopyWeekMenuInput input) {
        CopyResult result = menuService.copyWeek(input.siteId(), input.fromWeekStart(), input.toWeekStart());
        return new CopyWeekMenuPayload(result.menus().stream().map(menu -> forDiner(menu, null)).toList(), result.userErrors());
    }

    @MutationMapping
    MenuPayload takeKitchenMenu(@Argument TakeKitchenMenuInput input) {
        return menuPayload(menuService.takeKitchenMenu(input.siteId(), input.date(), input.slot()));
    }

    @BatchMapping(typeName = "Menu", field = "site")
    Map<MenuResult, Site> site(List<MenuResult> menus) {
        return Batches.perParent(menus, MenuResult::siteId, siteService.byIds(Batches.keys(menus, MenuResult::siteId)));
    }

    @BatchMapping(typeName = "Dish", field = "operator")
    Map<Dish, Operator> operator(List<Dish> dishes) {
        return Batches.perParent(dishes, Dish::operatorId, operatorService.byIds(Batches.keys(dishes, Dish::operatorId)));
    }

    /**
     * The menu as a diner sees it: each item and set meal with the diner's quote (one quote
     * context per menu, however many dishes), the diner's allergens it contains, and whether it fits
     * the diner (every diet need's tag, none of the diner's allergens). Laid over the cached menu,
     * which is the same for everyone: nothing of a diner is ever cached under the menu's key.
     */
    private MenuResult forDiner(MenuView menu, Long dinerId) {
        if (dinerId == null) {
            return unquoted(menu);
        }
        return quoted(menu, quoteService.quoteMenu(dinerId, menu.siteId(), menu.date(), menu.slot(), prices(menu)));
    }

    private MenuResult unquoted(MenuView menu) {
        return new MenuResult(menu, menu.items().stream().map(item -> new ItemResult(item.dish(), item.price(), item.dailyQuota(), null, null,
                        new Nutrition(nutrition, menu.slot(), List.of(item.dish())), null)).toList(),
                menu.setMeals().stream().map(set -> new SetMealResult(set.name(), set.price(), set.dailyQuota(), set.dishes(), null, null,
                        new Nutrition(nutrition, menu.slot(), set.dishes()), null)).toList(), nutrition.targets(menu.slot()));
    }

    /** The prices a menu's quotes are asked for: its items', then its set meals', in order. */
    private static List<Money> prices(MenuView menu) {
        List<Money> prices = new ArrayList<>();
        menu.items().forEach(item -> prices.add(item.price()));
        menu.setMeals().forEach(set -> prices.add(set.price()));
        return prices;
    }

    private MenuResult quoted(MenuView menu, QuoteService.MenuQuotes menuQuotes) {
        List<MealQuoteView> quotes = menuQuotes.quotes();
        Set<DishTag> needed = DishTag.neededBy(menuQuotes.dietNeeds());
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < menu.items().size(); i++) {
            MenuView.Item item = menu.items().get(i);
            List<Allergen> allergens = dinerAllergens(List.of(item.dish()), menuQuotes.allergies());
            items.add(new ItemResult(item.dish(), item.price(), item.dailyQuota(), quotes.get(i),
                    allergens.isEmpty() && item.dish().tags().containsAll(needed), new Nutrition(nutrition, menu.slot(), List.of(item.dish())), allergens));
        }
        List<SetMealResult> setMeals = new ArrayList<>();
        for (int i = 0; i < menu.setMeals().size(); i++) {
            MenuView.SetMeal set = menu.setMeals().get(i);
            List<Allergen> allergens = dinerAllergens(set.dishes(), menuQuotes.allergies());
            setMeals.add(new SetMealResult(set.name(), set.price(), set.dailyQuota(), set.dishes(), quotes.get(menu.items().size() + i),
                    allergens.isEmpty() && set.dishes().stream().allMatch(dish -> dish.tags().containsAll(needed)),
                    new Nutrition(nutrition, menu.slot(), set.dishes()), allergens));
        }
        return new MenuResult(menu, items, setMeals, nutrition.targets(menu.slot()));
    }

    /** The allergens of these dishes the diner is allergic to, in declaration order. */
    static List<Allergen> dinerAllergens(List<Dish> dishes, Set<Allergen> allergies) {
        Set<Allergen> contained = java.util.EnumSet.noneOf(Allergen.class);
        dishes.forEach(dish -> contained.addAll(dish.allergens()));
        return List.copyOf(Allergen.common(contained, allergies));
    }

    private MenuPayload menuPayload(MenuChange result) {
        return new MenuPayload(result.menu() == null ? null : forDiner(result.menu(), null), result.userErrors());
    }

    record MenuPayload(MenuResult menu, List<org.zhucan.common.error.UserError> userErrors) {
    }

    record CopyWeekMenuPayload(List<MenuResult> menus, List<org.zhucan.common.error.UserError> userErrors) {
    }

    record DishFilter(String text, DishTag tag, Boolean activeOnly) {
    }

    record PublishMenuInput(long menuId) {
    }

    record CopyWeekMenuInput(long siteId, LocalDate fromWeekStart, LocalDate toWeekStart) {
    }

    record TakeKitchenMenuInput(long siteId, LocalDate date, MealSlot slot) {
    }

    /** A menu for the API: the cached view with the caller's diner overlay. */
    record MenuResult(long id, long siteId, LocalDate date, MealSlot slot, MenuStatus status, int version, java.time.Instant publishedAt,
                      List<ItemResult> items, List<SetMealResult> setMeals, List<NutritionTargets.Target> nutritionTargets) {

        MenuResult(MenuView menu, List<ItemResult> items, List<SetMealResult> setMeals, List<NutritionTargets.Target> nutritionTargets) {
            this(menu.id(), menu.siteId(), menu.date(), menu.slot(), menu.status(), menu.version(), menu.publishedAt(), items, setMeals,
                    nutritionTargets);
        }
    }

    record ItemResult(Dish dish, Money price, Integer dailyQuota, MealQuoteView dinerQuote, Boolean fitsDiet, Nutrition nutritionOf,
                      List<Allergen> dinerAllergens) {

        /** {@code MenuItem.nutrition}, summed when a client asks for it. */
        public List<NutritionTargets.Amount> nutrition() {
            return nutritionOf.amounts();
        }
    }

    record SetMealResult(String name, Money price, Integer dailyQuota, List<Dish> dishes, MealQuoteView dinerQuote, Boolean fitsDiet,
                         Nutrition nutritionOf, List<Allergen> dinerAllergens) {

        /** {@code SetMeal.nutrition}, summed when a client asks for it. */
        public List<NutritionTargets.Amount> nutrition() {
            return nutritionOf.amounts();
        }
    }

    /**
     * An item's or set meal's salt, oil and sugar against the slot's targets, not yet summed: a page of menus (the
     * home screen's hundred) rarely shows them, and summing every item's took about 1.5 % of its request threads' CPU (2026-12-06).
     */
    record Nutrition(NutritionTargets targets, MealSlot slot, List<Dish> dishes) {

        List<NutritionTargets.Amount> amounts() {
            return targets.amounts(slot, dishes);
        }
    }
}
