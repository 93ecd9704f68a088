package org.zhucan.serving;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.booking.CounterBookings;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.money.Money;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.MealSlot;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.network.SiteSlot;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.StoredQuote;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of meal records: one record or a page within the caller's scope, records by id for the
 * fields that point at others, the served slots and days other features aggregate over (unscoped:
 * their callers have checked the sites), the serving dashboard and the subscription's reads.
 */
@Service
public class MealRecordReadService {

    private final MealRecordMapper mapper;
    private final MealRollupReads rollups;
    private final ServingAccess access;
    private final SiteService siteService;
    private final RegionService regionService;
    private final CounterBookings counterBookings;
    private final JsonMapper json;
    private final ServingProperties properties;
    private final Clock clock;

    MealRecordReadService(MealRecordMapper mapper, MealRollupReads rollups, ServingAccess access, SiteService siteService, RegionService regionService,
                          CounterBookings counterBookings, JsonMapper json, ServingProperties properties, Clock clock) {
        this.mapper = mapper;
        this.rollups = rollups;
        this.access = access;
        this.siteService = siteService;
        this.regionService = regionService;
        this.counterBookings = counterBookings;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A record the caller may read, or null. */
    @Transactional(readOnly = true)
    public MealRecord find(long id) {
        MealRecord record = mapper.findById(id);
        return record != null && access.mayRead(CurrentUser.get(), record) ? record : null;
    }

    /**
     * A record locked until the caller's transaction ends, as voids and corrections lock it: for a
     * feature that hangs something on a standing record (a rating), so that the record cannot be
     * reversed between its check and its write. Unscoped; null when there is no such record.
     */
    @BypassesCallerScope(usedBy = {"satisfaction"})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public MealRecord lockForUpdate(long id) {
        return mapper.findByIdForUpdate(id);
    }

    /** Records by id, for the fields that point at other records (already scoped through their parent). */
    @BypassesCallerScope(usedBy = {"settlement"})
    @Transactional(readOnly = true)
    public Map<Long, MealRecord> byIds(Collection<Long> ids) {
        Map<Long, MealRecord> found = new HashMap<>();
        if (!ids.isEmpty()) {
            mapper.findByIds(ids).forEach(record -> found.put(record.id(), record));
        }
        return found;
    }

    /**
     * The standing meals of these diners served at or after an instant, newest served first.
     * Unscoped: for a diner's or family's own meals, whose diners the caller has checked.
     */
    @BypassesCallerScope(usedBy = {"satisfaction"})
    @Transactional(readOnly = true)
    public List<MealRecord> standingMealsServedSince(Collection<Long> dinerIds, Instant since) {
        return dinerIds.isEmpty() ? List.of() : mapper.findStandingMealsServedSince(dinerIds, BusinessTime.dateOf(since), since);
    }

    /** Records by id as far as the caller's scope reaches, e.g. the other site's meal a flag points at. */
    @Transactional(readOnly = true)
    public Map<Long, MealRecord> readableByIds(Collection<Long> ids) {
        Map<Long, MealRecord> found = byIds(ids);
        CallerScope scope = access.readScope(CurrentUser.get());
        if (scope.operatorId() == null && scope.regionPath() == null) {
            return found;
        }
        Map<Long, Site> sites = siteService.byIds(found.values().stream().map(MealRecord::siteId).distinct().toList());
        Map<Long, Region> communities = scope.regionPath() == null ? Map.of()
                : regionService.byIds(sites.values().stream().map(Site::communityId).distinct().toList());
        found.values().removeIf(record -> {
            Site site = sites.get(record.siteId());
            return scope.operatorId() != null ? site.operatorId() != scope.operatorId()
                    : !communities.get(site.communityId()).path().startsWith(scope.regionPath());
        });
        return found;
    }

    @Transactional(readOnly = true)
    public Map<Long, List<MealRecordItem>> itemsOf(Collection<Long> ids) {
        return Batches.group(ids, ids.isEmpty() ? List.of() : mapper.findItemsOf(ids), MealRecordItem::recordId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<MealRecordFlag>> flagsOf(Collection<Long> ids) {
        return Batches.group(ids, ids.isEmpty() ? List.of() : mapper.findFlagsOf(ids), MealRecordFlag::recordId);
    }

    /** mealRecords: newest first, within the caller's scope. */
    @Transactional(readOnly = true)
    public Connection<MealRecord> list(MealRecordFilter filter, PageRequest page) {
        CallerScope scope = access.readScope(CurrentUser.get());
        MealRecordFilter given = filter == null ? new MealRecordFilter(null, null, null, null, null, null, null, null) : filter;
        MealRecordMapper.RecordQuery query = new MealRecordMapper.RecordQuery(given.siteId(), given.operatorId(), given.dinerId(), given.from(),
                given.to(), given.slot(), given.kind(), Boolean.TRUE.equals(given.flaggedOnly()));
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<MealRecord> rows = mapper.findPage(query, scope, afterId, page.fetchSize());
        return Connection.of(rows, page, record -> Cursor.encode(record.id()),
                mapper.count(query, scope));
    }

    /** mealRecordFlags: stored flags of standing records and the computed staff-proxy days, by date, site, code and record. */
    @Transactional(readOnly = true)
    public Connection<MealRecordFlag> flags(MealRecordFlagFilter filter,
                                                                         PageRequest page) {
        CallerScope scope = access.readScope(CurrentUser.get());
        if (filter.to().isBefore(filter.from())) {
            throw new BadRequestException("to is before from", "filter", "to");
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) > 91) {
            throw new BadRequestException("at most 92 days at once", "filter", "to");
        }
        MealRecordMapper.FlagQuery query = new MealRecordMapper.FlagQuery(filter.from(), filter.to(), filter.siteId(), filter.operatorId(),
                filter.codes(), properties.staffProxyThresholdPercent());
        MealRecordMapper.FlagKey after = null;
        if (page.hasAfter()) {
            List<String> parts = Cursor.decode(page.after(), 4);
            try {
                after = new MealRecordMapper.FlagKey(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1)),
                        MealRecordFlagCode.valueOf(parts.get(2)).name(), Long.parseLong(parts.get(3)));
            } catch (RuntimeException e) {
                throw new BadRequestException("after is not a cursor returned by this list", "after");
            }
        }
        List<MealRecordFlag> rows = mapper.findFlagPage(query, scope, after, page.fetchSize()).stream()
                .map(flag -> flag.recordId() != null && flag.recordId() == 0
                        ? new MealRecordFlag(flag.code(), flag.siteId(), flag.date(), null, flag.relatedRecordId(), flag.detail()) : flag)
                .toList();
        return Connection.of(rows, page, flag -> Cursor.encode(flag.date(),
                flag.siteId(), flag.code().name(), flag.recordId() == null ? 0 : flag.recordId()), mapper.countFlags(query, scope));
    }

    /**
     * The slots of these sites in which meals were served between the dates, by date, site and
     * slot, read from the daily roll-ups ({@link MealRollups}). Unscoped: for features that aggregate over sites the caller has already checked.
     */
    @BypassesCallerScope(usedBy = {"evaluation"})
    @Transactional(readOnly = true)
    public List<ServedSlot> servedSlots(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        return siteIds.isEmpty() ? List.of() : rollups.servedSlots(siteIds, from, to);
    }

    /**
     * {@link #servedSlots} that are over: the day is past, or it is today and the site's serving
     * hours of the slot have ended (a slot it no longer serves is over once the day is). What a
     * sample log is owed for, and what an evaluation can judge. Unscoped, as {@link #servedSlots}.
     */
    @BypassesCallerScope(usedBy = {"foodsafety"})
    @Transactional(readOnly = true)
    public List<ServedSlot> servedSlotsOver(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        return slotsOver(servedSlots(siteIds, from, to));
    }

    /** Of served slots already read, those that are over (as {@link #servedSlotsOver}): a caller that needs both reads them once. */
    @Transactional(readOnly = true)
    public List<ServedSlot> slotsOver(List<ServedSlot> served) {
        LocalDate today = BusinessTime.today(clock);
        LocalTime timeNow = clock.instant().atZone(BusinessTime.ZONE).toLocalTime();
        List<Long> servingToday = served.stream().filter(slot -> slot.date().equals(today)).map(ServedSlot::siteId).distinct().toList();
        Map<Long, List<SiteSlot>> hoursToday = servingToday.isEmpty() ? Map.of() : siteService.slotsOf(servingToday);
        return served.stream().filter(slot -> slot.date().isBefore(today) || slot.date().equals(today)
                && hoursToday.getOrDefault(slot.siteId(), List.of()).stream()
                        .anyMatch(hours -> hours.slot() == slot.slot() && timeNow.isAfter(hours.servesTo()))).toList();
    }

    /** Per day between the dates with a record at these sites: meals, diners, flags and subsidy. Unscoped, as {@link #servedSlots}. */
    @BypassesCallerScope(usedBy = {"evaluation"})
    @Transactional(readOnly = true)
    public List<ServedDay> servedDays(Collection<Long> siteIds, LocalDate from, LocalDate to) {
        return siteIds.isEmpty() ? List.of() : rollups.servedDays(siteIds, from, to);
    }

    /** servingDashboard: the site's staff and ADMIN. */
    @Transactional(readOnly = true)
    public Dashboard dashboard(long siteId, LocalDate date) {
        Site site = siteService.require(siteId);
        access.requireStaffOf(CurrentUser.get(), site);
        Map<MealSlot, SlotServing> bySlot = new EnumMap<>(MealSlot.class);
        for (SiteSlot slot : siteService.slotsOf(List.of(siteId)).getOrDefault(siteId, List.of())) {
            bySlot.put(slot.slot(), new SlotServing(slot.slot(), 0, 0, 0, 0, Money.ofFen(0)));
        }
        for (var row : counterBookings.dayCounts(siteId, date)) {
            SlotServing now = bySlot.getOrDefault(row.slot(), new SlotServing(row.slot(), 0, 0, 0, 0, Money.ofFen(0)));
            bySlot.put(row.slot(), new SlotServing(row.slot(), row.booked(), row.served(), now.walkIns(), row.noShows(), now.subsidySoFar()));
        }
        for (MealRecordMapper.DayTotalRow row : mapper.dayTotals(siteId, date)) {
            SlotServing now = bySlot.getOrDefault(row.slot(), new SlotServing(row.slot(), 0, 0, 0, 0, Money.ofFen(0)));
            bySlot.put(row.slot(), new SlotServing(row.slot(), now.booked(), now.served(), row.walkIns(), now.noShows(), Money.ofFen(row.subsidyFen())));
        }
        List<SlotServing> slots = List.copyOf(bySlot.values());
        return new Dashboard(siteId, date, slots, slots.stream().mapToInt(SlotServing::booked).sum(), slots.stream().mapToInt(SlotServing::served).sum(),
                slots.stream().mapToInt(SlotServing::walkIns).sum(), slots.stream().mapToInt(SlotServing::noShows).sum(),
                Money.ofFen(slots.stream().mapToLong(slot -> slot.subsidySoFar().fen()).sum()));
    }

    /** The subscription's check, when a screen subscribes: the site's staff and ADMIN. */
    public void requireMayWatch(long siteId) {
        access.requireStaffOf(CurrentUser.get(), siteService.require(siteId));
    }

    /** A record for the subscription, read without a caller (events arrive on a listener thread). */
    @BypassesCallerScope
    @Transactional(readOnly = true)
    public MealRecord forFeed(long id) {
        return mapper.findById(id);
    }

    /** The stored quote's shares and reasons. */
    public StoredQuote storedQuote(MealRecord record) {
        return json.readValue(record.quoteJson(), StoredQuote.class);
    }
}
