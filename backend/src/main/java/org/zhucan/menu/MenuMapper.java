package org.zhucan.menu;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.money.Money;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.network.MealSlot;

@Mapper
interface MenuMapper {

    DishRow findDish(@Param("id") long id);

    List<DishRow> findDishes(@Param("ids") Collection<Long> ids);

    List<DishRow> findDishPage(@Param("operatorId") long operatorId, @Param("text") String text, @Param("tag") String tag,
                               @Param("activeOnly") boolean activeOnly, @Param("afterName") String afterName,
                               @Param("afterId") Long afterId, @Param("limit") int limit);

    long countDishes(@Param("operatorId") long operatorId, @Param("text") String text, @Param("tag") String tag,
                     @Param("activeOnly") boolean activeOnly);

    boolean existsDishName(@Param("operatorId") long operatorId, @Param("name") String name, @Param("exceptId") Long exceptId);

    void insertDish(@Param("key") GeneratedKey key, @Param("dish") DishRow dish, @Param("at") Instant at);

    void updateDish(@Param("dish") DishRow dish, @Param("at") Instant at);

    MenuRow findMenu(@Param("siteId") long siteId, @Param("date") LocalDate date, @Param("slot") MealSlot slot);

    MenuRow findMenuById(@Param("id") long id);

    /** Published menus of a site in a date range, by date then slot. */
    List<MenuRow> findPublishedMenus(@Param("siteId") long siteId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Published menus of several sites on one date, by site then slot. */
    List<MenuRow> findPublishedMenusOn(@Param("siteIds") Collection<Long> siteIds, @Param("date") LocalDate date);

    /** Published menus of several sites in a date range, of one slot or all, by site, date then slot. */
    List<MenuRow> findPublishedMenusIn(@Param("siteIds") Collection<Long> siteIds, @Param("from") LocalDate from, @Param("to") LocalDate to,
                                       @Param("slot") MealSlot slot);

    void insertMenu(@Param("key") GeneratedKey key, @Param("siteId") long siteId, @Param("date") LocalDate date,
                    @Param("slot") MealSlot slot, @Param("at") Instant at);

    int publish(@Param("id") long id, @Param("at") Instant at);

    int bumpVersion(@Param("id") long id, @Param("version") int version, @Param("at") Instant at);

    void deleteItems(@Param("menuId") long menuId);

    void deleteSetMeals(@Param("menuId") long menuId);

    void insertItems(@Param("menuId") long menuId, @Param("items") List<ItemRow> items);

    void insertSetMeals(@Param("menuId") long menuId, @Param("setMeals") List<SetMealRow> setMeals);

    List<ItemRow> findItemsOf(@Param("menuIds") Collection<Long> menuIds);

    List<SetMealRow> findSetMealsOf(@Param("menuIds") Collection<Long> menuIds);

    void insertVersion(@Param("menuId") long menuId, @Param("version") int version, @Param("content") String content,
                       @Param("reason") String reason, @Param("createdBy") String createdBy, @Param("at") Instant at);

    /** A dish row; tags and allergens as comma-separated text (allergens a SET column); salt, oil and sugar in milligrams. */
    record DishRow(long id, long operatorId, String name, Money price, String portion, String tags, String allergens, Integer kcal,
                   Double proteinGrams, String photoUrl, boolean active, Integer saltMg, Integer oilMg, Integer sugarMg) {
    }

    record MenuRow(long id, long siteId, LocalDate date, MealSlot slot, MenuStatus status, int version, Instant publishedAt) {
    }

    record ItemRow(long menuId, int position, long dishId, Money price, Integer dailyQuota) {
    }

    /** {@code dishIds} as comma-separated ids. */
    record SetMealRow(long menuId, int position, String name, Money price, Integer dailyQuota, String dishIds) {
    }
}
