package org.zhucan.menu;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.menu.MenuMapper.DishRow;
import org.zhucan.menu.MenuMapper.ItemRow;
import org.zhucan.menu.MenuMapper.MenuRow;
import org.zhucan.menu.MenuMapper.SetMealRow;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Menus per site, date and slot: drafts, publishing, amendments until the slot's booking cutoff,
 * and copies (a past week, the central kitchen's menu). ADMIN writes any; OPERATOR staff their own
 * sites' menus ({@link MenuAccess}). Reads of published menus go through {@link PublishedMenus}
 * (Redis); every write evicts what it changed once its transaction has committed. Dishes are
 * {@link DishService}'s.
 */
@Service
public class MenuService {

    /** Dishes a set meal may hold: their ids are kept comma-joined in a VARCHAR(255). */
    static final int MAX_SET_MEAL_DISHES = 20;

    private final MenuMapper mapper;
    private final PublishedMenus publishedMenus;
    private final SiteService siteService;
    private final MenuAccess access;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;

    MenuService(MenuMapper mapper, PublishedMenus publishedMenus, SiteService siteService, MenuAccess access,
                AuditService audit, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.publishedMenus = publishedMenus;
        this.siteService = siteService;
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public MenuView publishedMenu(long siteId, LocalDate date, MealSlot slot) {
        siteService.require(siteId);
        return publishedMenus.menu(siteId, date, slot);
    }

    /** The published menus of many sites on one date, by site (every site given has an entry), through the cache. */
    public Map<Long, List<MenuView>> publishedMenusOn(Collection<Long> siteIds, LocalDate date) {
        return siteIds.isEmpty() ? Map.of() : publishedMenus.menusOn(siteIds, date);
    }

    /** The longest date range {@link #publishedMenusIn} answers, in days. */
    public static final int MAX_RANGE_DAYS = 14;

    /**
     * The published menus of sites the caller already holds (so no site is read again), from one
     * date to another, of one slot or all, by site, each by date then slot, through the cache.
     * At most {@link #MAX_RANGE_DAYS} days, else BAD_REQUEST.
     */
    public Map<Long, List<MenuView>> publishedMenusIn(Collection<Long> siteIds, LocalDate from, LocalDate to, MealSlot slot) {
        requireRange(from, to);
        return siteIds.isEmpty() ? Map.of() : publishedMenus.menusIn(siteIds, from, to, slot);
    }

    /** BAD_REQUEST unless from..to is 1 to {@link #MAX_RANGE_DAYS} days, from first. */
    public static void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw new BadRequestException("from..to must be 1 to " + MAX_RANGE_DAYS + " days, from first", "to");
        }
    }

    public List<MenuView> publishedWeek(long siteId, LocalDate weekStart) {
        siteService.require(siteId);
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new BadRequestException("weekStart must be a Monday", "weekStart");
        }
        return publishedMenus.week(siteId, weekStart);
    }

    @Transactional
    public MenuChange saveMenu(SaveMenuInput input) {
        Site site = siteService.require(input.siteId());
        access.requireMayWriteMenusAt(CurrentUser.get(), site);
        List<UserError> problems = new ArrayList<>();
        if (!serves(site, input.slot())) {
            return MenuChange.failed(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " does not serve " + input.slot(), "input", "slot"));
        }
        MenuRow existing = mapper.findMenu(site.id(), input.date(), input.slot());
        if (existing != null && existing.status() == MenuStatus.PUBLISHED) {
            return MenuChange.failed(UserError.of(UserErrorCode.ALREADY_PUBLISHED, "The menu is published; change it with amendMenu", "input"));
        }
        Content content = content(site, input.items(), input.setMeals(), problems);
        if (!problems.isEmpty()) {
            return MenuChange.failed(problems);
        }
        long menuId = existing == null ? insertMenu(site.id(), input.date(), input.slot()) : existing.id();
        writeContent(menuId, content);
        return new MenuChange(draft(menuId), List.of());
    }

    @Transactional
    public MenuChange publishMenu(long menuId) {
        MenuRow menu = requireMenu(menuId);
        access.requireMayWriteMenusAt(CurrentUser.get(), siteService.require(menu.siteId()));
        if (mapper.publish(menuId, clock.instant()) == 0) {
            return MenuChange.failed(UserError.of(UserErrorCode.ALREADY_PUBLISHED, "The menu is already published", "input", "menuId"));
        }
        MenuView published = draft(menuId);
        mapper.insertVersion(menuId, 1, json.writeValueAsString(published), null, CurrentUser.get().username(), clock.instant());
        audit.record("MENU_PUBLISHED", "Menu", menuId, null, published);
        PublishedMenus.afterCommit(() -> publishedMenus.evict(menu.siteId(), menu.date(), menu.slot()));
        publishedMenus.forget(menu.siteId(), menu.date(), menu.slot());
        return new MenuChange(published, List.of());
    }

    @Transactional
    public MenuChange amendMenu(AmendMenuInput input) {
        MenuRow menu = requireMenu(input.menuId());
        Site site = siteService.require(menu.siteId());
        access.requireMayWriteMenusAt(CurrentUser.get(), site);
        if (menu.status() != MenuStatus.PUBLISHED) {
            return MenuChange.failed(UserError.of(UserErrorCode.INVALID_INPUT, "The menu is a draft; change it with saveMenu", "input", "menuId"));
        }
        ZonedDateTime cutoff = cutoffOf(site, menu.date(), menu.slot());
        if (cutoff == null) {
            return MenuChange.failed(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " no longer serves " + menu.slot(), "input", "menuId"));
        }
        if (!clock.instant().isBefore(cutoff.toInstant())) {
            return MenuChange.failed(UserError.of(UserErrorCode.AMENDMENT_CLOSED,
                    "Bookings for this slot closed at " + cutoff.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES) + "; the menu can no longer change",
                    "input", "menuId"));
        }
        List<UserError> problems = new ArrayList<>();
        Content content = content(site, input.items(), input.setMeals(), problems);
        if (!problems.isEmpty()) {
            return MenuChange.failed(problems);
        }
        MenuView before = draft(menu.id());
        if (mapper.bumpVersion(menu.id(), menu.version(), clock.instant()) == 0) {
            return MenuChange.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The menu was changed meanwhile; read it again and retry"));
        }
        writeContent(menu.id(), content);
        MenuView after = draft(menu.id());
        mapper.insertVersion(menu.id(), after.version(), json.writeValueAsString(after), input.reason().trim(), CurrentUser.get().username(),
                clock.instant());
        audit.record("MENU_AMENDED", "Menu", menu.id(), before, Map.of("menu", after, "reason", input.reason().trim()));
        PublishedMenus.afterCommit(() -> publishedMenus.evict(menu.siteId(), menu.date(), menu.slot()));
        publishedMenus.forget(menu.siteId(), menu.date(), menu.slot());
        return new MenuChange(after, List.of());
    }

    @Transactional
    public CopyResult copyWeek(long siteId, LocalDate fromWeekStart, LocalDate toWeekStart) {
        Site site = siteService.require(siteId);
        access.requireMayWriteMenusAt(CurrentUser.get(), site);
        if (fromWeekStart.getDayOfWeek() != DayOfWeek.MONDAY || toWeekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            return new CopyResult(List.of(), List.of(UserError.of(UserErrorCode.INVALID_INPUT, "Weeks start on a Monday", "input")));
        }
        long shift = ChronoUnit.DAYS.between(fromWeekStart, toWeekStart);
        List<MenuView> copied = new ArrayList<>();
        for (MenuView source : publishedMenus.assemble(mapper.findPublishedMenus(siteId, fromWeekStart, fromWeekStart.plusDays(6)))) {
            LocalDate target = source.date().plusDays(shift);
            if (mapper.findMenu(siteId, target, source.slot()) == null) {
                long menuId = insertMenu(siteId, target, source.slot());
                writeContent(menuId, Content.of(source));
                copied.add(draft(menuId));
            }
        }
        audit.record("MENU_WEEK_COPIED", "Site", siteId, null, Map.of("from", fromWeekStart, "to", toWeekStart, "menus", copied.size()));
        return new CopyResult(copied, List.of());
    }

    @Transactional
    public MenuChange takeKitchenMenu(long siteId, LocalDate date, MealSlot slot) {
        Site site = siteService.require(siteId);
        access.requireMayWriteMenusAt(CurrentUser.get(), site);
        if (!serves(site, slot)) {
            return MenuChange.failed(UserError.of(UserErrorCode.SLOT_NOT_SERVED, site.name() + " does not serve " + slot, "input", "slot"));
        }
        MenuRow kitchenMenu = site.suppliedById() == null ? null : mapper.findMenu(site.suppliedById(), date, slot);
        if (kitchenMenu == null || kitchenMenu.status() != MenuStatus.PUBLISHED) {
            return MenuChange.failed(UserError.of(UserErrorCode.NO_KITCHEN_MENU,
                    "The site has no central kitchen, or it published no " + slot + " menu for " + date, "input"));
        }
        MenuRow existing = mapper.findMenu(siteId, date, slot);
        if (existing != null && existing.status() == MenuStatus.PUBLISHED) {
            return MenuChange.failed(UserError.of(UserErrorCode.ALREADY_PUBLISHED, "The site's menu is published; change it with amendMenu", "input"));
        }
        long menuId = existing == null ? insertMenu(siteId, date, slot) : existing.id();
        writeContent(menuId, Content.of(publishedMenus.assemble(List.of(kitchenMenu)).get(0)));
        return new MenuChange(draft(menuId), List.of());
    }

    /** A menu as stored, whatever its status: for the writer's answers, never cached. */
    private MenuView draft(long menuId) {
        return publishedMenus.assemble(List.of(requireMenu(menuId))).get(0);
    }

    private long insertMenu(long siteId, LocalDate date, MealSlot slot) {
        GeneratedKey key = new GeneratedKey();
        mapper.insertMenu(key, siteId, date, slot, clock.instant());
        return key.value();
    }

    private void writeContent(long menuId, Content content) {
        mapper.deleteItems(menuId);
        mapper.deleteSetMeals(menuId);
        if (!content.items().isEmpty()) {
            mapper.insertItems(menuId, content.items());
        }
        if (!content.setMeals().isEmpty()) {
            mapper.insertSetMeals(menuId, content.setMeals());
        }
    }

    /** Checks and resolves the dishes of a menu: each must be active and of the site's operator or its kitchen's. */
    private Content content(Site site, List<MenuItemInput> items, List<SetMealInput> setMeals, List<UserError> problems) {
        Set<Long> allowedOperators = new HashSet<>();
        allowedOperators.add(site.operatorId());
        if (site.suppliedById() != null) {
            Site kitchen = siteService.find(site.suppliedById());
            if (kitchen != null) {
                allowedOperators.add(kitchen.operatorId());
            }
        }
        List<Long> dishIds = new ArrayList<>();
        items.forEach(item -> dishIds.add(item.dishId()));
        (setMeals == null ? List.<SetMealInput>of() : setMeals).forEach(setMeal -> dishIds.addAll(setMeal.dishIds()));
        Map<Long, DishRow> dishes = dishIds.isEmpty() ? Map.of() : mapper.findDishes(dishIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(DishRow::id, dish -> dish));
        for (Long dishId : dishIds) {
            DishRow dish = dishes.get(dishId);
            if (dish == null) {
                throw new NotFoundException("Dish", dishId);
            }
            if (!dish.active() || !allowedOperators.contains(dish.operatorId())) {
                problems.add(UserError.of(UserErrorCode.DISH_NOT_AVAILABLE, dish.name() + " is inactive or not this site's operator's dish",
                        "input", "items"));
            }
        }
        List<ItemRow> itemRows = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            MenuItemInput item = items.get(i);
            if (!seen.add(item.dishId())) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A dish is listed twice", "input", "items", String.valueOf(i), "dishId"));
            }
            Money price = item.price() == null && dishes.get(item.dishId()) != null ? dishes.get(item.dishId()).price() : item.price();
            if ((price != null && price.fen() < 0) || (item.dailyQuota() != null && item.dailyQuota() < 0)) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Prices and quotas cannot be negative", "input", "items", String.valueOf(i)));
            }
            itemRows.add(new ItemRow(0, i, item.dishId(), price, item.dailyQuota()));
        }
        List<SetMealRow> setMealRows = new ArrayList<>();
        for (int i = 0; setMeals != null && i < setMeals.size(); i++) {
            SetMealInput setMeal = setMeals.get(i);
            if (setMeal.dishIds().isEmpty() || setMeal.price().fen() < 0 || (setMeal.dailyQuota() != null && setMeal.dailyQuota() < 0)) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A set meal has dishes, a price and a quota of 0 or more",
                        "input", "setMeals", String.valueOf(i)));
            } else if (setMeal.dishIds().size() > MAX_SET_MEAL_DISHES) {
                // the set meal keeps its dishes' ids in one VARCHAR(255)
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A set meal has at most " + MAX_SET_MEAL_DISHES + " dishes",
                        "input", "setMeals", String.valueOf(i), "dishIds"));
            }
            setMealRows.add(new SetMealRow(0, i, setMeal.name().trim(), setMeal.price(), setMeal.dailyQuota(),
                    setMeal.dishIds().stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        return new Content(itemRows, setMealRows);
    }

    private record Content(List<ItemRow> items, List<SetMealRow> setMeals) {

        static Content of(MenuView menu) {
            List<ItemRow> items = new ArrayList<>();
            for (int i = 0; i < menu.items().size(); i++) {
                MenuView.Item item = menu.items().get(i);
                items.add(new ItemRow(0, i, item.dish().id(), item.price(), item.dailyQuota()));
            }
            List<SetMealRow> setMeals = new ArrayList<>();
            for (int i = 0; i < menu.setMeals().size(); i++) {
                MenuView.SetMeal setMeal = menu.setMeals().get(i);
                setMeals.add(new SetMealRow(0, i, setMeal.name(), setMeal.price(), setMeal.dailyQuota(),
                        setMeal.dishes().stream().map(dish -> String.valueOf(dish.id())).collect(Collectors.joining(","))));
            }
            return new Content(items, setMeals);
        }
    }

    /** A central kitchen cooks for every slot of the sites it supplies; any other site for the slots it serves. */
    private boolean serves(Site site, MealSlot slot) {
        return site.kind() == SiteKind.CENTRAL_KITCHEN || siteService.slotOf(site, slot) != null;
    }

    /**
     * When a menu stops changing: the slot's booking cutoff on the date; for a central kitchen,
     * which serves no slot itself, the start of the date. Null when the site does not serve the slot.
     */
    private ZonedDateTime cutoffOf(Site site, LocalDate date, MealSlot slot) {
        if (site.kind() == SiteKind.CENTRAL_KITCHEN) {
            return date.atStartOfDay(BusinessTime.ZONE);
        }
        SiteSlot served = siteService.slotOf(site, slot);
        return served == null ? null : served.bookingCutoffOn(date);
    }


    private MenuRow requireMenu(long menuId) {
        MenuRow menu = mapper.findMenuById(menuId);
        if (menu == null) {
            throw new NotFoundException("Menu", menuId);
        }
        return menu;
    }
}
