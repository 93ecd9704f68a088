package org.zhucan.menu;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.NameKeyset;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.Like;
import org.zhucan.menu.MenuMapper.DishRow;
import org.zhucan.network.OperatorService;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * An operator's dishes, which its sites' menus (and the sites its central kitchens supply) are
 * made of. ADMIN writes any; OPERATOR staff their own operator's ({@link MenuAccess}). A changed
 * dish evicts every cached menu, as any of them may show it.
 */
@Service
public class DishService {

    private final MenuMapper mapper;
    private final PublishedMenus publishedMenus;
    private final OperatorService operatorService;
    private final MenuAccess access;
    private final AuditService audit;
    private final Clock clock;

    DishService(MenuMapper mapper, PublishedMenus publishedMenus, OperatorService operatorService, MenuAccess access, AuditService audit,
                Clock clock) {
        this.mapper = mapper;
        this.publishedMenus = publishedMenus;
        this.operatorService = operatorService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Connection<Dish> dishes(long operatorId, String text, DishTag tag, boolean activeOnly, PageRequest page) {
        operatorService.require(operatorId);
        NameKeyset after = NameKeyset.after(page);
        String contains = Like.escape(text);
        String tagName = tag == null ? null : tag.name();
        List<Dish> rows = mapper.findDishPage(operatorId, contains, tagName, activeOnly, after.name(), after.id(), page.fetchSize())
                .stream().map(PublishedMenus::toDish).toList();
        return Connection.of(rows, page, dish -> NameKeyset.cursor(dish.name(), dish.id()), mapper.countDishes(operatorId, contains, tagName, activeOnly));
    }

    /** Dishes by id, in one statement (bookings and the kitchen sheet name the dishes they hold). */
    @Transactional(readOnly = true)
    public Map<Long, Dish> dishesByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mapper.findDishes(List.copyOf(ids)).stream().map(PublishedMenus::toDish)
                .collect(Collectors.toMap(Dish::id, dish -> dish));
    }

    /** Grams with at most one decimal, 0 to {@code max}, as milligrams; null when not given; a user error otherwise. */
    private static Integer milligrams(Double grams, int max, String field, List<UserError> problems) {
        if (grams == null) {
            return null;
        }
        double tenths = grams * 10;
        if (grams < 0 || grams > max || Math.abs(tenths - Math.rint(tenths)) > 1e-6) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, field + " is 0 to " + max + " grams with at most one decimal", "input", field));
            return null;
        }
        return (int) Math.rint(tenths) * 100;
    }

    @Transactional
    public DishResult saveDish(SaveDishInput input) {
        access.requireMayWriteDishesOf(CurrentUser.get(), input.operatorId());
        operatorService.require(input.operatorId());
        DishRow before = null;
        if (input.dishId() != null) {
            before = mapper.findDish(input.dishId());
            if (before == null || before.operatorId() != input.operatorId()) {
                throw new NotFoundException("Dish", input.dishId());
            }
        }
        List<UserError> problems = new ArrayList<>();
        if (mapper.existsDishName(input.operatorId(), input.name().trim(), input.dishId())) {
            problems.add(UserError.of(UserErrorCode.DUPLICATE_DISH, "The operator already has a dish called " + input.name().trim(), "input", "name"));
        }
        if (input.price().fen() < 0) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A price cannot be negative", "input", "price"));
        }
        if ((input.kcal() != null && input.kcal() < 0) || (input.proteinGrams() != null && input.proteinGrams() < 0)) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Nutrition values cannot be negative", "input"));
        }
        Integer saltMg = milligrams(input.saltGrams(), 100, "saltGrams", problems);
        Integer oilMg = milligrams(input.oilGrams(), 500, "oilGrams", problems);
        Integer sugarMg = milligrams(input.sugarGrams(), 500, "sugarGrams", problems);
        if (!problems.isEmpty()) {
            return new DishResult(null, List.copyOf(problems));
        }
        DishRow row = new DishRow(input.dishId() == null ? 0 : input.dishId(), input.operatorId(), input.name().trim(), input.price(),
                blankToNull(input.portion()), input.tags() == null ? "" : input.tags().stream().distinct().map(Enum::name).collect(Collectors.joining(",")),
                Allergen.codes(input.allergens()), input.kcal(), input.proteinGrams(), blankToNull(input.photoUrl()),
                input.active() == null || input.active(), saltMg, oilMg, sugarMg);
        long dishId;
        if (before == null) {
            GeneratedKey key = new GeneratedKey();
            mapper.insertDish(key, row, clock.instant());
            dishId = key.value();
        } else {
            mapper.updateDish(row, clock.instant());
            dishId = before.id();
        }
        Dish saved = PublishedMenus.toDish(mapper.findDish(dishId));
        audit.record(before == null ? "DISH_CREATED" : "DISH_UPDATED", "Dish", dishId, before, saved);
        PublishedMenus.afterCommit(publishedMenus::evictAll);
        publishedMenus.forgetAll();
        return new DishResult(saved, List.of());
    }
}
