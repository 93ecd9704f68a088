package org.zhucan.diner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.NameKeyset;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.Like;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerMapper.DinerQuery;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * The diner registry as callers read it, and what other features ask of a diner: the facts a
 * subsidy quote needs, and who an ID card or meal card at the counter names. Personal numbers
 * come back only masked; changes, and the full ID number, go through {@link DinerWriteService}.
 * Scope is applied in SQL, by the {@link DinerAccess} rules.
 */
@Service
public class DinerService {

    private static final String MEAL_CARD_PREFIX = "ZCD1.";

    private final DinerMapper diners;
    private final RegionService regionService;
    private final DinerAccess access;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final EveryDinersFacts everyDinersFacts = new EveryDinersFacts(this);

    DinerService(DinerMapper diners, RegionService regionService, DinerAccess access, PersonalDataCipher cipher, Clock clock) {
        this.diners = diners;
        this.regionService = regionService;
        this.access = access;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Diner find(long id) {
        CallerScope scope = access.readScope(CurrentUser.get());
        return scope.isEmpty() ? null : diners.findById(id, scope);
    }

    @Transactional(readOnly = true)
    public Connection<Diner> list(DinerFilter filter, PageRequest page) {
        CallerScope scope = access.readScope(CurrentUser.get());
        DinerFilter given = filter == null ? new DinerFilter(null, null, null, null, null) : filter;
        String regionPath = given.regionId() == null ? null : regionService.require(given.regionId()).path();
        String idNumberHash = null;
        if (given.idNumber() != null) {
            try {
                idNumberHash = cipher.lookupHash(IdNumber.parse(given.idNumber()).value());
            } catch (IdNumber.InvalidIdNumberException e) {
                throw new org.zhucan.common.error.BadRequestException(e.getMessage(), "filter", "idNumber");
            }
        }
        DinerQuery query = new DinerQuery(regionPath, given.category(), today(), given.status(), Like.escape(given.name()), idNumberHash);
        if (scope.isEmpty()) {
            return Connection.of(List.of(), page, diner -> "", 0);
        }
        NameKeyset after = NameKeyset.after(page);
        List<Diner> rows = diners.findPage(query, scope, after.name(), after.id(), page.fetchSize());
        return Connection.of(rows, page, diner -> NameKeyset.cursor(diner.name(), diner.id()), diners.count(query, scope));
    }

    /** Diners by id as far as the caller's scope reaches, in one statement; ids outside it are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Diner> byIds(Collection<Long> ids) {
        CallerScope scope = access.readScope(CurrentUser.get());
        if (ids.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<Long, Diner> found = new java.util.HashMap<>();
        diners.findByIds(ids, scope).forEach(diner -> found.put(diner.id(), diner));
        return found;
    }

    @BypassesCallerScope
    @Transactional(readOnly = true)
    public Map<Long, List<DinerCategoryEntry>> categoriesOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findCategoriesOf(dinerIds), DinerCategoryEntry::dinerId);
    }

    @BypassesCallerScope
    @Transactional(readOnly = true)
    public Map<Long, List<AbilityAssessment>> assessmentsOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findAssessmentsOf(dinerIds), AbilityAssessment::dinerId);
    }

    @BypassesCallerScope
    @Transactional(readOnly = true)
    public Map<Long, List<DinerStatusChange>> statusHistoryOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findStatusChangesOf(dinerIds), DinerStatusChange::dinerId);
    }

    /**
     * The ACTIVE diners living in the region (a street, town or any region the caller may assess in,
     * see {@link DinerAccess#requireMayAssessIn}), each with its latest assessment and the categories
     * held on the date: what a due list of reassessments is made from. Two statements.
     */
    @Transactional(readOnly = true)
    public List<AssessmentStanding> assessmentStandingsIn(long regionId, LocalDate date) {
        CurrentUser user = CurrentUser.get();
        org.zhucan.network.Region region = regionService.require(regionId);
        access.requireMayAssessIn(user, region);
        CallerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<Long, java.util.Set<DinerCategory>> held = new java.util.HashMap<>();
        diners.findCategoriesHeldIn(region.path(), date, scope)
                .forEach(entry -> held.computeIfAbsent(entry.dinerId(), id -> java.util.EnumSet.noneOf(DinerCategory.class)).add(entry.category()));
        return diners.findAssessmentStandings(region.path(), date, scope).stream()
                .map(row -> new AssessmentStanding(row.dinerId(), row.homeCode(), row.assessmentId() == null ? null
                        : new AbilityAssessment(row.assessmentId(), row.dinerId(), row.level(), row.assessedOn(), row.assessor()),
                        held.getOrDefault(row.dinerId(), java.util.Set.of())))
                .toList();
    }

    /**
     * What the subsidy rules need to know of a diner on a meal date. Counter staff quote for any
     * diner at the counter; a family account only for its own diners; ADMIN and FINANCE as they read.
     * NOT_FOUND marks no transaction rollback-only: an offline upload asks inside its chunk's
     * transaction and turns it into that one record's rejection, then commits the others. One statement: it joins
     * the caller's transaction and opens none of its own (SUPPORTS), so the counter, which checks a meal before the
     * transaction that writes it, pays no SET or COMMIT for it.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS, noRollbackFor = NotFoundException.class)
    public QuoteFacts quoteFacts(long dinerId, LocalDate date) {
        QuoteFacts facts = quoteFactsOn(List.of(dinerId), date).get(dinerId);
        if (facts == null) {
            throw new NotFoundException("Diner", dinerId);
        }
        return facts;
    }

    /**
     * {@link #quoteFacts} for many diners on one date in one statement, as counter staff see them
     * (every diner); diners outside the caller's scope are absent.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, QuoteFacts> quoteFactsOn(Collection<Long> dinerIds, LocalDate date) {
        return quoteFactsIn(dinerIds, date, access.quoteScope(CurrentUser.get()));
    }

    /**
     * For a caller whose quote scope reaches every diner (counter staff): the facts of any diner, to be read later and on
     * another thread on this caller's behalf; null for any other caller, who reads them with {@link #quoteFactsOn}.
     */
    public EveryDinersFacts everyDinersFacts() {
        return quotesEveryDiner() ? everyDinersFacts : null;
    }

    /** Whether there is a caller and its quote scope reaches every diner (counter staff). */
    private boolean quotesEveryDiner() {
        return CurrentUser.isLoggedIn() && CallerScope.ALL.equals(access.quoteScope(CurrentUser.get()));
    }

    /** {@link #quoteFactsOn} within a scope given. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    Map<Long, QuoteFacts> quoteFactsIn(Collection<Long> dinerIds, LocalDate date, CallerScope scope) {
        if (dinerIds.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<Long, QuoteFacts> facts = new java.util.HashMap<>();
        for (QuoteFactsRow row : quoteFactsRows(dinerIds, date, scope)) {
            facts.put(row.dinerId(), factsOf(row, date));
        }
        return facts;
    }

    /**
     * The facts on the date of a row another module's statement read with its own (DinerMapper.xml's quoteFactsColumns on
     * that date): the counter reads a booking and its diner's facts in one statement. Null when the caller's scope does not
     * reach every diner, or there is no caller: {@link #quoteFactsOn} then reads them within its scope, as without the row.
     */
    public QuoteFacts quoteFactsOf(QuoteFactsRow row, LocalDate date) {
        return quotesEveryDiner() ? factsOf(row, date) : null;
    }

    private static QuoteFacts factsOf(QuoteFactsRow row, LocalDate date) {
        Diner diner = row.diner();
        java.util.Set<DinerCategory> held = java.util.EnumSet.noneOf(DinerCategory.class);
        if (row.categoriesOn() != null && !row.categoriesOn().isEmpty()) {
            for (String category : row.categoriesOn().split(",")) {
                held.add(DinerCategory.valueOf(category));
            }
        }
        AbilityAssessment assessment = row.assessmentId() == null ? null
                : new AbilityAssessment(row.assessmentId(), diner.id(), row.assessmentLevel(), row.assessedOn(), row.assessor());
        return new QuoteFacts(diner, row.statusOn(), ageOn(diner, date), held, assessment);
    }

    /**
     * For a caller who reaches every diner, the statements parsed once a connection (one diner: a counter's meal; many, their ids
     * one JSON array: a counter's batch, an upload); for any other caller the general one, which adds the caller's scope to its SQL.
     */
    private List<QuoteFactsRow> quoteFactsRows(Collection<Long> dinerIds, LocalDate date, CallerScope scope) {
        if (CallerScope.ALL.equals(scope)) {
            if (dinerIds.size() == 1) {
                QuoteFactsRow row = diners.findQuoteFactsOfOne(dinerIds.iterator().next(), date);
                return row == null ? List.of() : List.of(row);
            }
            return diners.findQuoteFactsOfAll(dinerIds, date);
        }
        return diners.findQuoteFactsOn(dinerIds, date, scope);
    }

    /**
     * {@link #quoteFactsOn} gathered from the diner's histories one table at a time (five
     * statements): what the single statement must always agree with, as a test checks.
     */
    @Transactional(readOnly = true)
    Map<Long, QuoteFacts> quoteFactsByParts(Collection<Long> dinerIds, LocalDate date, CallerScope scope) {
        if (dinerIds.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<Long, DinerStatus> statuses = new java.util.HashMap<>();
        diners.findStatusesOn(dinerIds, date).forEach(row -> statuses.put(row.dinerId(), row.status()));
        Map<Long, List<DinerCategoryEntry>> categories = categoriesOf(dinerIds);
        Map<Long, AbilityAssessment> assessments = new java.util.HashMap<>();
        diners.findLatestAssessmentsOn(dinerIds, date).forEach(assessment -> assessments.put(assessment.dinerId(), assessment));
        Map<Long, QuoteFacts> facts = new java.util.HashMap<>();
        for (Diner diner : diners.findByIds(dinerIds, scope)) {
            java.util.Set<DinerCategory> held = java.util.EnumSet.noneOf(DinerCategory.class);
            categories.get(diner.id()).stream().filter(entry -> entry.holdsOn(date)).forEach(entry -> held.add(entry.category()));
            facts.put(diner.id(), new QuoteFacts(diner, statuses.get(diner.id()), ageOn(diner, date), held, assessments.get(diner.id())));
        }
        return facts;
    }

    /**
     * The diner an ID card read at the counter belongs to, by the number's keyed hash: empty when
     * the number is valid but not registered. Counter staff identify any registered diner. One statement, in
     * the caller's transaction or none (as {@link #quoteFacts}).
     *
     * @throws IdNumber.InvalidIdNumberException when the number itself is not valid; it marks no
     *         transaction rollback-only, as the counter's caller turns it into a user error and goes on
     */
    @BypassesCallerScope(usedBy = {"serving"})
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS, noRollbackFor = IdNumber.InvalidIdNumberException.class)
    public java.util.Optional<Long> dinerIdByIdNumber(String idNumber) {
        return java.util.Optional.ofNullable(diners.findIdByIdNumberHash(cipher.lookupHash(IdNumber.parse(idNumber).value())));
    }

    /** What a diner's meal card QR holds: the diner and a keyed signature the counter checks. */
    public String mealCardQr(long dinerId) {
        return MEAL_CARD_PREFIX + dinerId + "." + mealCardSignature(dinerId);
    }

    /**
     * The meal card QRs of many diners that the caller may see: the diner's own accounts and counter
     * staff (and ADMIN). Diners whose card the caller may not see are absent. One statement at most
     * for the whole batch (a family account's diners), however many diners are asked for.
     */
    public Map<Long, String> mealCardsShownOf(Collection<Long> dinerIds) {
        Map<Long, String> cards = new java.util.LinkedHashMap<>();
        access.mealCardsShown(CurrentUser.get(), dinerIds).forEach(dinerId -> cards.put(dinerId, mealCardQr(dinerId)));
        return cards;
    }

    /** The diner a meal card QR names, when its signature holds; empty for anything else. */
    @BypassesCallerScope(usedBy = {"serving"})
    public java.util.Optional<Long> dinerIdOfMealCard(String payload) {
        if (payload == null || !payload.startsWith(MEAL_CARD_PREFIX)) {
            return java.util.Optional.empty();
        }
        String[] parts = payload.substring(MEAL_CARD_PREFIX.length()).split("\\.", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) {
            return java.util.Optional.empty();
        }
        long dinerId = Long.parseLong(parts[0]);
        return java.security.MessageDigest.isEqual(mealCardSignature(dinerId).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                parts[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII)) ? java.util.Optional.of(dinerId) : java.util.Optional.empty();
    }

    private String mealCardSignature(long dinerId) {
        return cipher.lookupHash("meal-card:" + dinerId).substring(0, 16);
    }

    /** Age in whole years on a day: the band a meal falls in changes exactly on the birthday. */
    public static int ageOn(Diner diner, LocalDate day) {
        return Period.between(diner.birthDate(), day).getYears();
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }
}
