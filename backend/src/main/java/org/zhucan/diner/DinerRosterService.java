package org.zhucan.diner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pii.Masking;
import org.zhucan.common.pii.PersonalDataCipher;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * The registry's side of a roster import (名册导入): many diners looked up by their ID-number hashes at once,
 * registered with multi-row inserts, and updated from a roster row only where the row differs, so that
 * re-importing a roster changes nothing. Categories from a roster are versioned with source ROSTER
 * (DinerCategoryService.replaceFromSource). The intake module checks every row and its scope first; this
 * service checks the caller's role and the communities again, and audits each diner it changes.
 */
@Service
public class DinerRosterService {

    /** What a roster row would change on a registered diner; none: the row is UNCHANGED. */
    public enum Change { DETAILS, COMMUNITY, CATEGORIES, ABILITY_LEVEL }

    private final DinerRosterMapper roster;
    private final DinerMapper diners;
    private final DinerCategoryService categoryService;
    private final DinerResidenceService residences;
    private final DinerAccess access;
    private final RegionService regionService;
    private final PersonalDataCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    DinerRosterService(DinerRosterMapper roster, DinerMapper diners, DinerCategoryService categoryService, DinerResidenceService residences,
                       DinerAccess access,
                       RegionService regionService, PersonalDataCipher cipher, AuditService audit, Clock clock) {
        this.roster = roster;
        this.diners = diners;
        this.categoryService = categoryService;
        this.residences = residences;
        this.access = access;
        this.regionService = regionService;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The registered diners with these ID-number hashes, wherever they live (the import tells a diner outside the
     * caller's scope apart and refuses the row), in three statements whatever the number.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    @BypassesCallerScope(usedBy = "intake")
    public Map<String, RosterDiner> findByIdNumberHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        List<DinerRosterMapper.Found> found = roster.findByIdNumberHashes(hashes);
        List<Long> ids = found.stream().map(DinerRosterMapper.Found::id).toList();
        Map<Long, List<DinerCategoryEntry>> categories = ids.isEmpty() ? Map.of()
                : Batches.group(ids, diners.findCategoriesOf(ids), DinerCategoryEntry::dinerId);
        Map<Long, Integer> levels = new HashMap<>();
        if (!ids.isEmpty()) {
            // newest first per diner: the first seen is the latest
            diners.findAssessmentsOf(ids).forEach(a -> levels.putIfAbsent(a.dinerId(), a.level()));
        }
        Map<String, RosterDiner> byHash = new HashMap<>();
        for (DinerRosterMapper.Found f : found) {
            byHash.put(f.idNumberHash(), new RosterDiner(f.id(), f.idNumberHash(), f.name(),
                    f.phoneEncrypted() == null ? null : cipher.decrypt(f.phoneEncrypted()), f.homeCommunityId(), f.communityPath(),
                    f.address(), f.status(), f.statusSince(), f.version(), categories.getOrDefault(f.id(), List.of()), levels.get(f.id())));
        }
        return byHash;
    }

    /** What the row would change on the diner; empty when it states what is registered already. */
    public static Set<Change> changes(RosterDiner before, RosterStatement wanted) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        // a blank phone cell states nothing: the registered phone stays
        if (!before.name().equals(wanted.name()) || wanted.phone() != null && !Objects.equals(before.phone(), wanted.phone())
                || !before.address().equals(wanted.address())) {
            changes.add(Change.DETAILS);
        }
        if (before.homeCommunityId() != wanted.homeCommunityId()) {
            changes.add(Change.COMMUNITY);
        }
        boolean toAdd = wanted.categories().stream().anyMatch(w -> before.currentCategories().stream().noneMatch(w::sameClaimAs));
        boolean toSupersede = before.currentCategories().stream().filter(c -> c.source() == CategorySource.ROSTER)
                .anyMatch(c -> wanted.categories().stream().noneMatch(c::sameClaimAs));
        if (toAdd || toSupersede) {
            changes.add(Change.CATEGORIES);
        }
        if (wanted.abilityLevel() != null && !wanted.abilityLevel().equals(before.latestLevel())) {
            changes.add(Change.ABILITY_LEVEL);
        }
        return changes;
    }

    /**
     * Registers the rows' diners (none registered yet) with multi-row inserts: the diners, their ROSTER categories,
     * their ACTIVE status from today and their ability levels; one audit row per diner. Returns the new ids by hash.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public Map<String, Long> registerAll(List<RosterStatement> rows, String sourceRef) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        requireMayRegisterIn(rows.stream().map(RosterStatement::homeCommunityId).collect(Collectors.toSet()));
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        String actor = CurrentUser.get().username();
        Map<String, RosterStatement> byHash = new LinkedHashMap<>();
        List<DinerRosterMapper.NewDiner> inserts = new ArrayList<>(rows.size());
        for (RosterStatement row : rows) {
            String hash = cipher.lookupHash(row.idNumber().value());
            byHash.put(hash, row);
            inserts.add(new DinerRosterMapper.NewDiner(row.name(), cipher.encrypt(row.idNumber().value()), hash, row.idNumber().masked(),
                    row.idNumber().birthDate(), row.idNumber().sex().name(), row.phone() == null ? null : cipher.encrypt(row.phone()),
                    Masking.phone(row.phone()), row.homeCommunityId(), row.address()));
        }
        roster.insertAll(inserts, today, now);
        Map<String, Long> ids = new HashMap<>();
        roster.findIdsByHashes(byHash.keySet()).forEach(key -> ids.put(key.idNumberHash(), key.id()));
        List<DinerRosterMapper.NewCategory> categories = new ArrayList<>();
        List<DinerRosterMapper.NewAssessment> assessments = new ArrayList<>();
        byHash.forEach((hash, row) -> {
            long id = ids.get(hash);
            row.categories().forEach(entry -> categories.add(new DinerRosterMapper.NewCategory(id, entry)));
            if (row.abilityLevel() != null) {
                assessments.add(new DinerRosterMapper.NewAssessment(id, row.abilityLevel()));
            }
        });
        if (!categories.isEmpty()) {
            roster.insertCategories(categories, CategorySource.ROSTER, sourceRef, actor, now);
        }
        roster.insertActivations(ids.values(), today, actor, now);
        if (!assessments.isEmpty()) {
            roster.insertAssessments(assessments, today, assessor(sourceRef), actor, now);
        }
        Map<Long, Object> registered = new LinkedHashMap<>();
        byHash.forEach((hash, row) -> registered.put(ids.get(hash), Map.of("name", row.name(), "idNumberMasked", row.idNumber().masked(),
                "homeCommunityId", row.homeCommunityId(), "categories", row.categories(), "abilityLevel", String.valueOf(row.abilityLevel()),
                "source", sourceRef)));
        audit.recordCreated("DINER_REGISTERED", "Diner", registered);
        return ids;
    }

    /**
     * Updates a registered diner from a roster row, only what differs: details, home community, ROSTER categories
     * (versioned), and an assessment when the level differs from the latest. Returns what changed.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public Set<Change> updateFromRoster(RosterDiner before, RosterStatement wanted, String sourceRef) {
        Set<Change> changes = changes(before, wanted);
        if (changes.isEmpty()) {
            return changes;
        }
        requireMayRegisterIn(Set.of(before.homeCommunityId(), wanted.homeCommunityId()));
        Diner was = diners.findById(before.id(), CallerScope.ALL);
        Instant now = clock.instant();
        String phone = wanted.phone() == null ? before.phone() : wanted.phone();
        if (changes.contains(Change.DETAILS)
                && roster.updateDetails(before.id(), before.version(), wanted.name(), phone == null ? null : cipher.encrypt(phone),
                Masking.phone(phone), before.address(), now) == 0) {
            throw new ConcurrentRosterChangeException(before.id());
        }
        if (changes.contains(Change.COMMUNITY) || !before.address().equals(wanted.address())) {
            moveHousehold(before.id(), wanted.homeCommunityId(), wanted.address(), sourceRef);
        }
        if (changes.contains(Change.CATEGORIES)) {
            categoryService.replaceFromSource(before.id(), wanted.categories(), CategorySource.ROSTER, sourceRef);
        }
        if (changes.contains(Change.ABILITY_LEVEL)) {
            diners.insertAssessment(before.id(), wanted.abilityLevel(), BusinessTime.today(clock), assessor(sourceRef),
                    CurrentUser.get().username(), now);
        }
        if (changes.contains(Change.DETAILS) || changes.contains(Change.COMMUNITY) || changes.contains(Change.ABILITY_LEVEL)) {
            audit.record("DINER_UPDATED", "Diner", before.id(), was,
                    Map.of("diner", diners.findById(before.id(), CallerScope.ALL), "abilityLevel", String.valueOf(wanted.abilityLevel()),
                            "source", sourceRef));
        }
        return changes;
    }

    /**
     * The diner's household (户籍) moves, from today, through its history as recordDinerMove and updateDiner move it:
     * the past keeps the old community and address.
     */
    private void moveHousehold(long dinerId, long communityId, String address, String sourceRef) {
        if (!residences.move(dinerId, ResidenceKind.HOUSEHOLD, communityId, address, BusinessTime.today(clock), assessor(sourceRef)).isEmpty()) {
            throw new ConcurrentRosterChangeException(dinerId);
        }
    }

    private void requireMayRegisterIn(Set<Long> communityIds) {
        Map<Long, Region> communities = regionService.byIds(communityIds);
        for (Long id : communityIds) {
            Region community = communities.get(id);
            if (community == null || !community.level().isCommunity()) {
                throw new IllegalArgumentException("not a community: " + id);
            }
            access.requireMayRegisterIn(CurrentUser.get(), community);
        }
    }

    private static String assessor(String sourceRef) {
        return "名册导入 " + sourceRef;
    }

    /** The diner changed between the look-up and the update; the import's batch is retried. */
    public static class ConcurrentRosterChangeException extends RuntimeException {
        ConcurrentRosterChangeException(long dinerId) {
            super("diner " + dinerId + " changed meanwhile");
        }
    }
}
