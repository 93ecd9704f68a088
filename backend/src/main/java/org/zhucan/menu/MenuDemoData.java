package org.zhucan.menu;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.common.money.Money;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.menu.MenuMapper.DishRow;
import org.zhucan.menu.MenuMapper.ItemRow;
import org.zhucan.menu.MenuMapper.SetMealRow;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteFilter;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.network.SiteStatus;

/**
 * Demo dishes for each demo operator, and published menus for the current and the next week at
 * every operating site, for every slot it serves. Dates come from the day the data loads, so a
 * fresh start always has today's menus; a menu that exists is left alone.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(2)
class MenuDemoData implements DemoDataContributor {

    /** name, price in fen, tags, kcal, allergens, salt, oil and added sugar per portion in milligrams. */
    private static final List<Object[]> DISHES = List.of(
            new Object[] {"红烧肉（软烂）", 600, "SOFT", 420, "SOY", 1800, 12000, 6000},
            new Object[] {"清蒸鲈鱼", 800, "LOW_FAT,SOFT", 210, "FISH,SOY", 1000, 4000, 500},
            new Object[] {"西红柿炒鸡蛋", 400, "SOFT,VEGETARIAN", 180, "EGG", 1200, 8000, 3000},
            new Object[] {"蒜蓉西兰花", 300, "LOW_SALT,LOW_FAT,VEGETARIAN", 90, "", 800, 5000, 0},
            new Object[] {"肉末豆腐", 400, "SOFT,MINCED,LOW_SALT", 200, "SOY", 1000, 6000, 500},
            new Object[] {"清炒冬瓜", 300, "LOW_SALT,LOW_SUGAR,DIABETIC_FRIENDLY,VEGETARIAN", 60, "", 600, 4000, 0},
            new Object[] {"小米南瓜粥", 200, "LIQUID,SOFT,VEGETARIAN", 120, "", 0, 0, 2000},
            new Object[] {"杂粮馒头", 100, "LOW_SUGAR,DIABETIC_FRIENDLY,VEGETARIAN", 160, "GLUTEN", 300, 0, 1000},
            new Object[] {"胡萝卜炖牛肉", 900, "SOFT,HALAL", 330, "", 1500, 8000, 2000},
            new Object[] {"米饭", 100, "VEGETARIAN", 200, "", 0, 0, 0});

    private final MenuMapper mapper;
    private final SiteService siteService;
    private final RegionService regionService;
    private final Clock clock;

    MenuDemoData(MenuMapper mapper, SiteService siteService, RegionService regionService, Clock clock) {
        this.mapper = mapper;
        this.siteService = siteService;
        this.regionService = regionService;
        this.clock = clock;
    }

    @Override
    public void contribute() {
        List<Site> sites = operatingSites();
        Map<Long, List<DishRow>> dishesByOperator = new HashMap<>();
        sites.stream().map(Site::operatorId).distinct().forEach(operatorId -> dishesByOperator.put(operatorId, dishesOf(operatorId)));
        Map<Long, List<SiteSlot>> slots = siteService.slotsOf(sites.stream().map(Site::id).toList());
        LocalDate monday = BusinessTime.today(clock).with(DayOfWeek.MONDAY);
        for (Site site : sites) {
            Set<String> existing = mapper.findPublishedMenus(site.id(), monday, monday.plusDays(13)).stream()
                    .map(menu -> menu.date() + ":" + menu.slot()).collect(Collectors.toCollection(HashSet::new));
            List<DishRow> dishes = dishesByOperator.get(site.operatorId());
            for (int day = 0; day < 14; day++) {
                LocalDate date = monday.plusDays(day);
                for (SiteSlot slot : slots.get(site.id())) {
                    if (!existing.contains(date + ":" + slot.slot()) && mapper.findMenu(site.id(), date, slot.slot()) == null) {
                        publish(site.id(), date, slot.slot(), dishes, day);
                    }
                }
            }
        }
    }

    /** The operating sites of the demo district that serve diners. */
    private List<Site> operatingSites() {
        Region yibin = regionService.findByDivisionCode("410371000000");
        List<Site> sites = new ArrayList<>();
        if (yibin == null) {
            return sites;
        }
        List<SiteKind> servingKinds = List.of(SiteKind.CANTEEN, SiteKind.MEAL_POINT, SiteKind.DINING_TABLE, SiteKind.MUTUAL_AID_POINT);
        String after = null;
        Connection<Site> page;
        do {
            page = siteService.list(new SiteFilter(yibin.id(), servingKinds, List.of(SiteStatus.OPERATING), null, null, null, null),
                    PageRequest.of(PageRequest.MAX_PAGE_SIZE, after));
            page.edges().forEach(edge -> sites.add(edge.node()));
            after = page.pageInfo().endCursor();
        } while (page.pageInfo().hasNextPage());
        return sites;
    }

    private List<DishRow> dishesOf(long operatorId) {
        List<DishRow> dishes = new ArrayList<>();
        for (Object[] dish : DISHES) {
            String name = (String) dish[0];
            if (!mapper.existsDishName(operatorId, name, null)) {
                GeneratedKey key = new GeneratedKey();
                mapper.insertDish(key, new DishRow(0, operatorId, name, Money.ofFen((Integer) dish[1]), "一份", (String) dish[2],
                        (String) dish[4], (Integer) dish[3], null, null, true, (Integer) dish[5], (Integer) dish[6], (Integer) dish[7]),
                        clock.instant());
            }
        }
        Map<String, DishRow> byName = new HashMap<>();
        mapper.findDishPage(operatorId, null, null, true, null, null, 1000).forEach(row -> byName.put(row.name(), row));
        DISHES.forEach(dish -> dishes.add(byName.get((String) dish[0])));
        return dishes;
    }

    /**
     * Four dishes a meal, rotating by day, plus rice, and a set meal of the first two with rice at
     * 12.00 (what a recurring booking takes); breakfast is porridge and buns, also as a 3.00 set.
     */
    private void publish(long siteId, LocalDate date, MealSlot slot, List<DishRow> dishes, int day) {
        List<DishRow> chosen = slot == MealSlot.BREAKFAST ? List.of(dishes.get(6), dishes.get(7))
                : List.of(dishes.get(day % 6), dishes.get((day + 1) % 6), dishes.get((day + 3) % 6), dishes.get(8), dishes.get(9));
        GeneratedKey key = new GeneratedKey();
        mapper.insertMenu(key, siteId, date, slot, clock.instant());
        List<ItemRow> items = new ArrayList<>();
        for (DishRow dish : chosen) {
            items.add(new ItemRow(0, items.size(), dish.id(), dish.price(), 40));
        }
        mapper.insertItems(key.value(), items);
        String setMealDishes = slot == MealSlot.BREAKFAST ? chosen.get(0).id() + "," + chosen.get(1).id()
                : chosen.get(0).id() + "," + chosen.get(1).id() + "," + dishes.get(9).id();
        mapper.insertSetMeals(key.value(), List.of(new SetMealRow(0, 0, slot == MealSlot.BREAKFAST ? "早餐套餐" : "营养套餐",
                Money.ofFen(slot == MealSlot.BREAKFAST ? 300 : 1200), 30, setMealDishes)));
        mapper.publish(key.value(), clock.instant());
    }
}
