package org.zhucan.diner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.NameKeyset;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.Like;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerMapper.DinerQuery;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

import static org.zhucan.common.Text.blankToNull;

/**
 * The diner registry. Personal numbers are encrypted before they reach a mapper and come back
 * only masked; the full ID number only through {@link #revealIdNumber}, which is audited. Scope
 * is applied in SQL: ADMIN sees all diners, FINANCE those living in its region, a family account
 * its linked diners, OPERATOR staff those who booked at its sites (meal records will widen it).
 */
@Service
public class DinerService {

    private static final String MEAL_CARD_PREFIX = "ZCD1.";

    static final int MINIMUM_AGE = 60;

    private final DinerMapper diners;
    private final RegionService regionService;
    private final AccountService accountService;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    DinerService(DinerMapper diners, RegionService regionService, AccountService accountService, PersonalDataCipher cipher,
                 AuditService audit, Clock clock) {
        this.diners = diners;
        this.regionService = regionService;
        this.accountService = accountService;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Diner find(long id) {
        CallerScope scope = callerScope();
        return scope.isEmpty() ? null : diners.findById(id, scope);
    }

    @Transactional(readOnly = true)
    public Connection<Diner> list(DinerFilter filter, PageRequest page) {
        CallerScope scope = callerScope();
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
        CallerScope scope = callerScope();
        if (ids.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<Long, Diner> found = new java.util.HashMap<>();
        diners.findByIds(ids, scope).forEach(diner -> found.put(diner.id(), diner));
        return found;
    }

    @Transactional(readOnly = true)
    public Map<Long, List<DinerCategoryEntry>> categoriesOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findCategoriesOf(dinerIds), DinerCategoryEntry::dinerId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<AbilityAssessment>> assessmentsOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findAssessmentsOf(dinerIds), AbilityAssessment::dinerId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<DinerStatusChange>> statusHistoryOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : diners.findStatusChangesOf(dinerIds), DinerStatusChange::dinerId);
    }

    /**
     * What the subsidy rules need to know of a diner on a meal date. Counter staff quote for any
     * diner at the counter; a family account only for its own diners; ADMIN and FINANCE as they read.
     * NOT_FOUND marks no transaction rollback-only: an offline upload asks inside its chunk's
     * transaction and turns it into that one record's rejection, then commits the others.
     */
    @Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
    public QuoteFacts quoteFacts(long dinerId, LocalDate date) {
        QuoteFacts facts = quoteFactsOn(List.of(dinerId), date).get(dinerId);
        if (facts == null) {
            throw new NotFoundException("Diner", dinerId);
        }
        return facts;
    }

    /**
     * {@link #quoteFacts} for many diners on one date in three statements, as counter staff see
     * them (every diner); diners outside the caller's scope are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, QuoteFacts> quoteFactsOn(Collection<Long> dinerIds, LocalDate date) {
        CurrentUser user = CurrentUser.get();
        CallerScope scope = user.roles().contains(Role.OPERATOR) && !user.roles().contains(Role.DINER) ? CallerScope.ALL : callerScope();
        if (dinerIds.isEmpty() || scope.isEmpty()) {
            return Map.of();
        }
        Map<Long, DinerStatus> statuses = new java.util.HashMap<>();
        diners.findStatusesOn(dinerIds, date).forEach(row -> statuses.put(row.dinerId(), row.status()));
        Map<Long, List<DinerCategoryEntry>> categories = categoriesOf(dinerIds);
        Map<Long, QuoteFacts> facts = new java.util.HashMap<>();
        for (Diner diner : diners.findByIds(dinerIds, scope)) {
            java.util.Set<DinerCategory> held = java.util.EnumSet.noneOf(DinerCategory.class);
            categories.get(diner.id()).stream().filter(entry -> entry.holdsOn(date)).forEach(entry -> held.add(entry.category()));
            facts.put(diner.id(), new QuoteFacts(diner, statuses.get(diner.id()), ageOn(diner, date), held));
        }
        return facts;
    }

    /**
     * The diner an ID card read at the counter belongs to, by the number's keyed hash: empty when
     * the number is valid but not registered. Counter staff identify any registered diner.
     *
     * @throws IdNumber.InvalidIdNumberException when the number itself is not valid; it marks no
     *         transaction rollback-only, as the counter's caller turns it into a user error and goes on
     */
    @Transactional(readOnly = true, noRollbackFor = IdNumber.InvalidIdNumberException.class)
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
        CurrentUser user = CurrentUser.get();
        Collection<Long> shown;
        if (user.roles().contains(Role.OPERATOR) || user.roles().contains(Role.ADMIN)) {
            shown = dinerIds;
        } else if (user.roles().contains(Role.DINER) && !dinerIds.isEmpty()) {
            java.util.Set<Long> own = java.util.Set.copyOf(accountService.dinerIdsActedForBy(user.username()));
            shown = dinerIds.stream().filter(own::contains).toList();
        } else {
            shown = List.of();
        }
        Map<Long, String> cards = new java.util.LinkedHashMap<>();
        shown.forEach(dinerId -> cards.put(dinerId, mealCardQr(dinerId)));
        return cards;
    }

    /** The diner a meal card QR names, when its signature holds; empty for anything else. */
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

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult register(RegisterDinerInput input) {
        IdNumber idNumber;
        try {
            idNumber = IdNumber.parse(input.idNumber());
        } catch (IdNumber.InvalidIdNumberException e) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_ID_NUMBER, e.getMessage(), "input", "idNumber"));
        }
        LocalDate today = today();
        List<UserError> problems = new ArrayList<>();
        if (Period.between(idNumber.birthDate(), today).getYears() < MINIMUM_AGE) {
            problems.add(UserError.of(UserErrorCode.TOO_YOUNG, "Meal assistance is for people aged " + MINIMUM_AGE + " and over",
                    "input", "idNumber"));
        }
        String hash = cipher.lookupHash(idNumber.value());
        if (diners.existsByIdNumberHash(hash)) {
            problems.add(UserError.of(UserErrorCode.DUPLICATE_ID_NUMBER, "A diner with this ID number is already registered",
                    "input", "idNumber"));
        }
        checkHomeCommunity(input.homeCommunityId(), problems);
        List<DinerCategoryEntry> categories = categories(input.categories(), problems);
        if (!problems.isEmpty()) {
            return DinerResult.failed(problems);
        }
        String phone = blankToNull(input.phone());
        GeneratedKey key = new GeneratedKey();
        diners.insert(key, input.name().trim(), cipher.encrypt(idNumber.value()), hash, idNumber.masked(), idNumber.birthDate(),
                idNumber.sex(), phone == null ? null : cipher.encrypt(phone), Masking.phone(phone), input.homeCommunityId(),
                input.address().trim(), blankToNull(input.dietaryNotes()), today, clock.instant());
        long dinerId = key.value();
        if (!categories.isEmpty()) {
            diners.insertCategories(dinerId, categories);
        }
        diners.insertStatusChange(dinerId, null, DinerStatus.ACTIVE, today, null, actor(), clock.instant());
        Diner created = diners.findById(dinerId, CallerScope.ALL);
        audit.record("DINER_REGISTERED", "Diner", dinerId, null, Map.of("diner", created, "categories", categories));
        return new DinerResult(created, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult update(UpdateDinerInput input) {
        Diner before = require(input.dinerId());
        List<UserError> problems = new ArrayList<>();
        long homeCommunityId = before.homeCommunityId();
        if (input.homeCommunityId() != null) {
            checkHomeCommunity(input.homeCommunityId(), problems);
            homeCommunityId = input.homeCommunityId();
        }
        if (input.name() != null && input.name().isBlank()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A name cannot be blank", "input", "name"));
        }
        if (input.address() != null && input.address().isBlank()) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "An address cannot be blank", "input", "address"));
        }
        List<DinerCategoryEntry> categories = input.categories() == null ? null : categories(input.categories(), problems);
        if (!problems.isEmpty()) {
            return DinerResult.failed(problems);
        }
        String phone = blankToNull(input.phone());
        int updated = diners.update(before.id(), before.version(), input.name() == null ? before.name() : input.name().trim(),
                phone == null ? null : cipher.encrypt(phone), Masking.phone(phone), input.phone() != null, homeCommunityId,
                input.address() == null ? before.address() : input.address().trim(),
                input.dietaryNotes() == null ? before.dietaryNotes() : blankToNull(input.dietaryNotes()), clock.instant());
        if (updated == 0) {
            return DinerResult.failed(List.of(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "The diner was changed meanwhile; read it again and retry")));
        }
        List<DinerCategoryEntry> categoriesBefore = categoriesOf(List.of(before.id())).get(before.id());
        if (categories != null) {
            diners.deleteCategories(before.id());
            if (!categories.isEmpty()) {
                diners.insertCategories(before.id(), categories);
            }
        }
        Diner after = diners.findById(before.id(), CallerScope.ALL);
        audit.record("DINER_UPDATED", "Diner", before.id(), Map.of("diner", before, "categories", categoriesBefore),
                Map.of("diner", after, "categories", categoriesOf(List.of(before.id())).get(before.id())));
        return new DinerResult(after, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult changeStatus(ChangeDinerStatusInput input) {
        Diner before = require(input.dinerId());
        if (input.status() == before.status()) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "The diner is already " + before.status(), "input", "status"));
        }
        if (input.effectiveOn().isBefore(before.statusSince())) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is before the current status began, on " + before.statusSince(), "input", "effectiveOn"));
        }
        if (input.effectiveOn().isAfter(today())) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is in the future; record a change once it has happened", "input", "effectiveOn"));
        }
        if (diners.updateStatus(before.id(), before.version(), input.status(), input.effectiveOn(), clock.instant()) == 0) {
            return DinerResult.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The diner was changed meanwhile; read it again and retry"));
        }
        diners.insertStatusChange(before.id(), before.status(), input.status(), input.effectiveOn(), blankToNull(input.reason()), actor(),
                clock.instant());
        Diner after = diners.findById(before.id(), CallerScope.ALL);
        audit.record("DINER_STATUS_CHANGED", "Diner", before.id(), before, after);
        return new DinerResult(after, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult recordAssessment(RecordAbilityAssessmentInput input) {
        Diner diner = require(input.dinerId());
        if (input.level() < 0 || input.level() > 4) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "level is 0 to 4", "input", "level"));
        }
        if (input.assessedOn().isAfter(today())) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "assessedOn is in the future", "input", "assessedOn"));
        }
        diners.insertAssessment(diner.id(), input.level(), input.assessedOn(), input.assessor().trim(), actor(), clock.instant());
        audit.record("ABILITY_ASSESSED", "Diner", diner.id(), null, input);
        return new DinerResult(diner, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult linkFamilyMember(LinkFamilyMemberInput input) {
        Diner diner = require(input.dinerId());
        AccountService.Account account = accountService.find(input.username())
                .orElseThrow(() -> new NotFoundException("Account", input.username()));
        if (!account.roles().contains(Role.DINER)) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_FAMILY_ACCOUNT,
                    input.username() + " is not a DINER-role account", "input", "username"));
        }
        accountService.linkToDiner(account.id(), diner.id(), input.relation().trim());
        audit.record("FAMILY_LINKED", "Diner", diner.id(), null, Map.of("username", account.username(), "relation", input.relation()));
        return new DinerResult(diner, List.of());
    }

    /** The full ID number, for an administrator who says why; the reason is in the audit log, the number is not. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public RevealResult revealIdNumber(long dinerId, String reason) {
        Diner diner = require(dinerId);
        if (reason == null || reason.isBlank()) {
            return new RevealResult(null, List.of(UserError.of(UserErrorCode.INVALID_INPUT, "Say why the full number is needed",
                    "input", "reason")));
        }
        String idNumber = cipher.decrypt(diners.findIdNumberEncrypted(diner.id()));
        audit.record("ID_NUMBER_REVEALED", "Diner", diner.id(), null, Map.of("reason", reason.trim(), "masked", diner.idNumberMasked()));
        return new RevealResult(idNumber, List.of());
    }

    private Diner require(long id) {
        Diner diner = diners.findById(id, CallerScope.ALL);
        if (diner == null) {
            throw new NotFoundException("Diner", id);
        }
        return diner;
    }

    private CallerScope callerScope() {
        CurrentUser user = CurrentUser.get();
        if (user.roles().contains(Role.ADMIN)) {
            return CallerScope.ALL;
        }
        if (user.roles().contains(Role.FINANCE) && user.regionId() != null) {
            return CallerScope.inRegion(regionService.require(user.regionId()).path());
        }
        if (user.roles().contains(Role.DINER)) {
            return CallerScope.ofDiners(accountService.dinerIdsActedForBy(user.username()));
        }
        if (user.roles().contains(Role.OPERATOR)) {
            return user.operatorId() == null ? CallerScope.ofDiners(List.of()) : CallerScope.ofOperator(user.operatorId());
        }
        throw new AccessDeniedException("no access to diners");
    }

    private void checkHomeCommunity(long communityId, List<UserError> problems) {
        Region community = regionService.require(communityId);
        if (!community.level().isCommunity()) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    community.name() + " is not a community or village", "input", "homeCommunityId"));
        }
    }

    private static List<DinerCategoryEntry> categories(List<DinerCategoryInput> inputs, List<UserError> problems) {
        List<DinerCategoryEntry> categories = new ArrayList<>();
        for (int i = 0; inputs != null && i < inputs.size(); i++) {
            DinerCategoryInput input = inputs.get(i);
            if (input.validTo() != null && input.validTo().isBefore(input.validFrom())) {
                problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "validTo is before validFrom",
                        "input", "categories", String.valueOf(i), "validTo"));
            }
            if (input.evidenceRef() == null || input.evidenceRef().isBlank()) {
                problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "Each category needs its evidence reference",
                        "input", "categories", String.valueOf(i), "evidenceRef"));
            }
            categories.add(new DinerCategoryEntry(0, 0, input.category(), input.evidenceRef() == null ? "" : input.evidenceRef().trim(),
                    input.validFrom(), input.validTo()));
        }
        return categories;
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private static String actor() {
        return CurrentUser.get().username();
    }


}
