package org.zhucan.menu;

import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;
import org.springframework.cache.support.NullValue;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.menu.MenuMapper.DishRow;
import org.zhucan.menu.MenuMapper.ItemRow;
import org.zhucan.menu.MenuMapper.MenuRow;
import org.zhucan.menu.MenuMapper.SetMealRow;
import org.zhucan.network.MealSlot;

/**
 * Published menus, read through Redis. Keys: {@code zhucan:menus::<site>:<date>:<slot>} and
 * {@code zhucan:weekMenus::<site>:<monday>}; 10 minutes (spring.cache.redis.time-to-live). A
 * missing menu is cached too (as null) and evicted when one is published. On a cache miss every
 * menu, item, set meal and dish comes from four statements, however many there are.
 * <p>
 * Menus are also held in each instance's memory ({@link ReferenceCache}, shelf {@code publishedMenus})
 * in front of Redis: a page of a hundred sites (the mini-program's home screen, the public site list)
 * would otherwise fetch and deserialise a hundred entries per request, and the counter one per meal.
 * A writer calls {@link #forget} (or {@link #forgetAll}) after registering the Redis eviction, so
 * that another instance that hears of the change reads Redis only once the entry is gone there.
 */
@Component
public class PublishedMenus {

    static final String MENUS = "menus";
    static final String WEEKS = "weekMenus";
    /** Menus held in memory at most: a district's hundred sites, three slots, four weeks, with room to spare. */
    static final int HELD_MENUS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(PublishedMenus.class);

    private final MenuMapper mapper;
    private final CacheManager caches;
    private final MeterRegistry meters;
    private final RedisConnectionFactory redis;
    private final TransactionTemplate readOnly;
    /** A menu or its absence by {@link MenuKey}, in this instance's memory. */
    private final ReferenceCache.Shelf<MenuKey, Held> held;

    PublishedMenus(MenuMapper mapper, CacheManager caches, MeterRegistry meters, RedisConnectionFactory redis,
                   PlatformTransactionManager transactions, ReferenceCache referenceCache) {
        this.mapper = mapper;
        this.held = referenceCache.shelf("publishedMenus", HELD_MENUS);
        this.caches = caches;
        this.meters = meters;
        this.redis = redis;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * One site's menu, from memory, else Redis, else MySQL ({@link #menusIn} for one key): the counter reads it on every
     * {@code logMeal} and {@code bookMeal}, and a Redis hit cost a round trip and a Java deserialisation each time (7 % of
     * a {@code logMeal}'s server time). The read-only transaction is opened on a miss only.
     */
    public MenuView menu(long siteId, LocalDate date, MealSlot slot) {
        Held entry = held.get(new MenuKey(siteId, date, slot), this::behindMemory);
        return entry == null ? null : entry.menu();
    }

    /** {@link #menu} as an instance without it in memory reads it: from Redis, else MySQL (the menu benchmark's Redis figure). */
    MenuView menuBehindMemory(long siteId, LocalDate date, MealSlot slot) {
        Held entry = behindMemory(new MenuKey(siteId, date, slot));
        return entry == null ? null : entry.menu();
    }

    private Held behindMemory(MenuKey key) {
        return fromRedisOrDatabase(List.of(key), key.date(), key.date(), key.slot()).get(key);
    }

    /** The published menu straight from MySQL, one statement per part (the menu benchmark's floor). */
    MenuView menuFromDatabase(long siteId, LocalDate date, MealSlot slot) {
        MenuRow row = mapper.findMenu(siteId, date, slot);
        return row == null || row.status() != MenuStatus.PUBLISHED ? null : assemble(List.of(row)).get(0);
    }

    /** The published menus of many sites on one date, by site (every site given has an entry), each in slot order: {@link #menusIn}. */
    public Map<Long, List<MenuView>> menusOn(Collection<Long> siteIds, LocalDate date) {
        return menusIn(siteIds, date, date, null);
    }

    /**
     * The published menus of many sites from one date to another (both included), of one slot or
     * all (null), by site (every site given has an entry), each by date then slot: the same cache
     * entries as {@link #menu}, read from Redis in one MGET, and no database statement at all when
     * every entry is there. The sites with an entry missing are read from MySQL together (four
     * statements in one read-only transaction), and what they read, nulls included, is cached as
     * {@link #menu} would. If Redis fails, everything comes from MySQL.
     */
    public Map<Long, List<MenuView>> menusIn(Collection<Long> siteIds, LocalDate from, LocalDate to, MealSlot slot) {
        List<MealSlot> slots = slot == null ? List.of(MealSlot.values()) : List.of(slot);
        List<MenuKey> keys = new ArrayList<>();
        for (long siteId : siteIds) {
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                for (MealSlot each : slots) {
                    keys.add(new MenuKey(siteId, date, each));
                }
            }
        }
        Map<MenuKey, Held> found = held.getAll(keys, missing -> fromRedisOrDatabase(missing, from, to, slot));
        Map<Long, List<MenuView>> menus = new LinkedHashMap<>();
        for (MenuKey key : keys) {
            List<MenuView> ofSite = menus.computeIfAbsent(key.siteId(), id -> new ArrayList<>());
            Held entry = found.get(key);
            if (entry != null && entry.menu() != null) {
                ofSite.add(entry.menu());
            }
        }
        return menus;
    }

    /**
     * What memory does not hold: read from Redis in one MGET, and the sites with an entry missing
     * there from MySQL together (four statements in one read-only transaction, the whole range of
     * dates for each), what they read cached in Redis as {@link #menu} would, nulls included.
     */
    private Map<MenuKey, Held> fromRedisOrDatabase(Collection<MenuKey> keys, LocalDate from, LocalDate to, MealSlot slot) {
        List<MenuKey> wanted = List.copyOf(keys);
        Cache cache = cache();
        List<Object> cached = cache instanceof RedisCache redisCache ? multiGet(redisCache, wanted.stream().map(MenuKey::toString).toList()) : null;
        Map<MenuKey, Held> found = new HashMap<>();
        Set<Long> missing = new LinkedHashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            Object value = cached == null ? MISSING : cached.get(i);
            if (value == MISSING) {
                missing.add(wanted.get(i).siteId());
            } else {
                found.put(wanted.get(i), new Held(value instanceof MenuView menu ? menu : null));
            }
        }
        if (!missing.isEmpty()) {
            List<MenuView> read = readOnly.execute(status -> assemble(mapper.findPublishedMenusIn(missing, from, to, slot)));
            Map<MenuKey, MenuView> byKey = new HashMap<>();
            read.forEach(menu -> byKey.put(new MenuKey(menu.siteId(), menu.date(), menu.slot()), menu));
            for (MenuKey key : wanted) {
                if (missing.contains(key.siteId()) && !found.containsKey(key)) {
                    MenuView menu = byKey.get(key);
                    found.put(key, new Held(menu));
                    if (cache != null) {
                        cachePut(cache, key.toString(), menu);
                    }
                }
            }
        }
        return found;
    }

    /** Stands for a key Redis does not hold (a cached null menu is held, as Spring's NullValue). */
    private static final Object MISSING = new Object();

    /**
     * The cache entries of the keys, in order, in one MGET: a menu, null for a menu cached as
     * missing, or {@link #MISSING}. Null when Redis fails (logged and counted).
     */
    private List<Object> multiGet(RedisCache cache, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        RedisCacheConfiguration config = cache.getCacheConfiguration();
        String prefix = config.usePrefix() ? config.getKeyPrefixFor(cache.getName()) : "";
        byte[][] raw = keys.stream().map(key -> bytes(config.getKeySerializationPair().write(prefix + key))).toArray(byte[][]::new);
        try (RedisConnection connection = redis.getConnection()) {
            List<byte[]> values = connection.stringCommands().mGet(raw);
            List<Object> entries = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                byte[] value = values == null ? null : values.get(i);
                if (value == null) {
                    entries.add(MISSING);
                } else if (Arrays.equals(value, BINARY_NULL)) {
                    entries.add(null);
                } else {
                    Object read = config.getValueSerializationPair().read(ByteBuffer.wrap(value));
                    entries.add(read instanceof NullValue ? null : read);
                }
            }
            return entries;
        } catch (RuntimeException e) {
            cacheFailed("get", e);
            return null;
        }
    }

    private static final byte[] BINARY_NULL = RedisSerializer.java().serialize(NullValue.INSTANCE);

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** A site's menu of a date and slot; as text, the key {@link #menu} caches under in Redis. */
    record MenuKey(long siteId, LocalDate date, MealSlot slot) {
        @Override
        public String toString() {
            return siteId + ":" + date + ":" + slot;
        }
    }

    /** A menu held in memory, or its absence (null): the shelf keeps no nulls. */
    private record Held(MenuView menu) {
    }

    private Cache cache() {
        try {
            return caches.getCache(MENUS);
        } catch (RuntimeException e) {
            cacheFailed("get", e);
            return null;
        }
    }

    private void cachePut(Cache cache, String key, MenuView menu) {
        try {
            cache.put(key, menu);
        } catch (RuntimeException e) {
            cacheFailed("put", e);
        }
    }

    /** As the cache error handler of CacheConfig: logged and counted, and the read goes on against MySQL. */
    private void cacheFailed(String operation, RuntimeException exception) {
        log.warn("Cache {} failed on {}; answering from MySQL: {}", operation, MENUS, exception.toString());
        Counter.builder("zhucan.cache.errors").description("Cache operations that failed and fell through to MySQL")
                .tag("cache", MENUS).tag("operation", operation).register(meters).increment();
    }

    @Cacheable(cacheNames = WEEKS, key = "#siteId + ':' + #weekStart")
    public List<MenuView> week(long siteId, LocalDate weekStart) {
        return readOnly.execute(status -> assemble(mapper.findPublishedMenus(siteId, weekStart, weekStart.plusDays(6))));
    }

    /** Drops the cached menu of a site, date and slot and the week it falls in. */
    @Caching(evict = {
            @CacheEvict(cacheNames = MENUS, key = "#siteId + ':' + #date + ':' + #slot"),
            @CacheEvict(cacheNames = WEEKS, key = "#siteId + ':' + T(org.zhucan.menu.PublishedMenus).mondayOf(#date)")})
    public void evict(long siteId, LocalDate date, MealSlot slot) {
        // the annotations do Redis's part, through the cache error handler
        held.evict(new MenuKey(siteId, date, slot));
    }

    /** Drops every cached menu: a dish changed, and any menu may show it. */
    @Caching(evict = {@CacheEvict(cacheNames = MENUS, allEntries = true), @CacheEvict(cacheNames = WEEKS, allEntries = true)})
    public void evictAll() {
        // the annotations do Redis's part, through the cache error handler
        held.evictAll();
    }

    /**
     * Drops the menu from every instance's memory once the writer's transaction has committed. A
     * writer registers the Redis eviction ({@link #afterCommit}) first and then calls this: the
     * message that makes other instances read again then goes out after the Redis entry is gone.
     */
    void forget(long siteId, LocalDate date, MealSlot slot) {
        held.evict(new MenuKey(siteId, date, slot));
    }

    /** {@link #forget} for every menu: a dish changed. */
    void forgetAll() {
        held.evictAll();
    }

    /**
     * Runs an eviction once the writer's transaction has committed (at once outside one): evicted
     * earlier, a reader could cache the old menu again before the commit.
     */
    static void afterCommit(Runnable eviction) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    eviction.run();
                }
            });
        } else {
            eviction.run();
        }
    }

    public static LocalDate mondayOf(LocalDate date) {
        return date.with(DayOfWeek.MONDAY);
    }

    /** Menus with their items, set meals and dishes: three statements for any number of menus. */
    List<MenuView> assemble(List<MenuRow> menus) {
        if (menus.isEmpty()) {
            return List.of();
        }
        List<Long> menuIds = menus.stream().map(MenuRow::id).toList();
        Map<Long, List<ItemRow>> items = Batches.group(menuIds, mapper.findItemsOf(menuIds), ItemRow::menuId);
        Map<Long, List<SetMealRow>> setMeals = Batches.group(menuIds, mapper.findSetMealsOf(menuIds), SetMealRow::menuId);
        List<Long> dishIds = new ArrayList<>();
        items.values().forEach(rows -> rows.forEach(item -> dishIds.add(item.dishId())));
        setMeals.values().forEach(rows -> rows.forEach(setMeal -> dishIds.addAll(dishIdsOf(setMeal))));
        Map<Long, Dish> dishes = dishIds.isEmpty() ? Map.of() : mapper.findDishes(dishIds.stream().distinct().toList()).stream()
                .map(PublishedMenus::toDish).collect(Collectors.toMap(Dish::id, Function.identity()));
        return menus.stream().map(menu -> new MenuView(menu.id(), menu.siteId(), menu.date(), menu.slot(), menu.status(), menu.version(),
                menu.publishedAt(),
                items.get(menu.id()).stream().map(item -> new MenuView.Item(dishes.get(item.dishId()), item.price(), item.dailyQuota())).toList(),
                setMeals.get(menu.id()).stream().map(setMeal -> new MenuView.SetMeal(setMeal.name(), setMeal.price(), setMeal.dailyQuota(),
                        dishIdsOf(setMeal).stream().map(dishes::get).filter(Objects::nonNull).toList())).toList())).toList();
    }

    static List<Long> dishIdsOf(SetMealRow setMeal) {
        return setMeal.dishIds().isEmpty() ? List.of() : Arrays.stream(setMeal.dishIds().split(",")).map(Long::valueOf).toList();
    }

    static Dish toDish(DishRow row) {
        return new Dish(row.id(), row.operatorId(), row.name(), row.price(), row.portion(),
                row.tags().isEmpty() ? List.of() : Arrays.stream(row.tags().split(",")).map(DishTag::valueOf).toList(),
                org.zhucan.common.diet.Allergen.parse(row.allergens()).stream().sorted().toList(), row.kcal(), row.proteinGrams(),
                row.photoUrl(), row.active(), row.saltMg(), row.oilMg(), row.sugarMg());
    }
}
