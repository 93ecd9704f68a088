package org.zhucan.diner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pii.IdNumber;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

import static org.zhucan.common.Text.blankToNull;

/**
 * Changes to the diner registry, by administrators (registering also by street staff), each audited: registering, details and
 * categories (versioned, through DinerCategoryService), ability assessments, family accounts, and revealing a full ID number.
 * Personal numbers are encrypted before they reach a mapper.
 */
@Service
class DinerWriteService {

    static final int MINIMUM_AGE = 60;

    private final DinerMapper diners;
    private final NetworkAccess networkAccess;
    private final DinerCategoryService categoryService;
    private final RegionService regionService;
    private final AccountService accountService;
    private final DinerAccess access;
    private final DinerResidenceService residences;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    DinerWriteService(DinerMapper diners, NetworkAccess networkAccess, DinerCategoryService categoryService, RegionService regionService,
                      AccountService accountService, DinerAccess access, DinerResidenceService residences, PersonalDataCipher cipher,
                      AuditService audit, Clock clock) {
        this.diners = diners;
        this.networkAccess = networkAccess;
        this.categoryService = categoryService;
        this.regionService = regionService;
        this.accountService = accountService;
        this.access = access;
        this.residences = residences;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** registerDiner: ADMIN anywhere, STREET_STAFF staff for diners living in their subdistrict or town (DinerAccess). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public DinerResult register(RegisterDinerInput input) {
        access.requireMayRegisterIn(CurrentUser.get(), regionService.require(input.homeCommunityId()));
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
        Residence residence = residence(input, problems);
        List<DinerCategoryEntry> categories = categories(input.categories(), problems);
        if (!problems.isEmpty()) {
            return DinerResult.failed(problems);
        }
        String phone = blankToNull(input.phone());
        GeneratedKey key = new GeneratedKey();
        diners.insert(key, input.name().trim(), cipher.encrypt(idNumber.value()), hash, idNumber.masked(), idNumber.birthDate(),
                idNumber.sex(), phone == null ? null : cipher.encrypt(phone), Masking.phone(phone), input.homeCommunityId(),
                input.address().trim(), blankToNull(input.dietaryNotes()), Allergen.codes(input.allergies()), DietNeed.codes(input.dietNeeds()),
                today, clock.instant());
        long dinerId = key.value();
        if (!categories.isEmpty()) {
            diners.insertCategories(dinerId, categories, CategorySource.REGISTRY, null, actor(), clock.instant());
        }
        diners.insertStatusChange(dinerId, null, DinerStatus.ACTIVE, today, null, actor(), clock.instant());
        residences.registered(dinerId, input.homeCommunityId(), input.address().trim(), residence.communityId(), residence.address(), today);
        Diner created = diners.findById(dinerId, CallerScope.ALL);
        audit.record("DINER_REGISTERED", "Diner", dinerId, null, Map.of("diner", created, "categories", categories, "residence", residence));
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
                input.dietaryNotes() == null ? before.dietaryNotes() : blankToNull(input.dietaryNotes()), Allergen.codes(before.allergies()),
                DietNeed.codes(before.dietNeeds()), clock.instant());
        if (updated == 0) {
            return DinerResult.failed(List.of(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "The diner was changed meanwhile; read it again and retry")));
        }
        String address = input.address() == null ? before.address() : input.address().trim();
        if (homeCommunityId != before.homeCommunityId() || !address.equals(before.address())) {
            // the household moves through its history, from today: the past keeps the old one
            List<UserError> moveProblems = residences.move(before.id(), ResidenceKind.HOUSEHOLD, homeCommunityId, address, today(),
                    "updateDiner");
            if (!moveProblems.isEmpty()) {
                return DinerResult.failed(moveProblems);
            }
        }
        if (categories != null) {
            categoryService.replaceAll(before.id(), categories, CategorySource.REGISTRY, null);
        }
        Diner after = diners.findById(before.id(), CallerScope.ALL);
        audit.record("DINER_UPDATED", "Diner", before.id(), before, after);
        return new DinerResult(after, List.of());
    }

    /** recordAbilityAssessment: ADMIN, and STREET_STAFF staff for diners living in their subdistrict or town (DinerAccess). */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public DinerResult recordAssessment(RecordAbilityAssessmentInput input) {
        Diner diner = requireAssessable(input.dinerId());
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

    /** The diner, or NOT_FOUND: also for a diner living outside the region of a region's ADMIN. */
    Diner require(long id) {
        Diner diner = diners.findById(id, CallerScope.ALL);
        if (diner == null || !networkAccess.administers(CurrentUser.get(), diner.homeCommunityId())) {
            throw new NotFoundException("Diner", id);
        }
        return diner;
    }

    /**
     * The diner, for an administrator as {@link #require}; for street staff one of their read scope
     * (NOT_FOUND otherwise) who lives in their street or town (FORBIDDEN for one who only ate there).
     */
    private Diner requireAssessable(long id) {
        CurrentUser user = CurrentUser.get();
        if (user.roles().contains(Role.ADMIN)) {
            return require(id);
        }
        Diner diner = diners.findById(id, access.readScope(user));
        if (diner == null) {
            throw new NotFoundException("Diner", id);
        }
        access.requireMayAssessIn(user, regionService.require(diner.homeCommunityId()));
        return diner;
    }

    private void checkHomeCommunity(long communityId, List<UserError> problems) {
        Region community = regionService.require(communityId);
        access.requireMayRegisterIn(CurrentUser.get(), community);
        if (!community.level().isCommunity()) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    community.name() + " is not a community or village", "input", "homeCommunityId"));
        }
    }

    /** Where a diner being registered lives (常住): the household when not given; a community or village. */
    private Residence residence(RegisterDinerInput input, List<UserError> problems) {
        String address = blankToNull(input.residenceAddress());
        if (input.residenceCommunityId() == null || input.residenceCommunityId() == input.homeCommunityId()) {
            return new Residence(input.homeCommunityId(), address == null ? input.address().trim() : address);
        }
        Region community = regionService.require(input.residenceCommunityId());
        if (!community.level().isCommunity()) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, community.name() + " is not a community or village",
                    "input", "residenceCommunityId"));
        }
        if (address == null) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A residence in another community needs its address",
                    "input", "residenceAddress"));
        }
        return new Residence(community.id(), address);
    }

    /** Where a diner lives (常住), as registered. */
    record Residence(long communityId, String address) {
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
            categories.add(DinerCategoryEntry.of(input.category(), input.evidenceRef() == null ? "" : input.evidenceRef().trim(),
                    input.validFrom(), input.validTo()));
        }
        return categories;
    }

    LocalDate today() {
        return BusinessTime.today(clock);
    }

    static String actor() {
        return CurrentUser.get().username();
    }
}
