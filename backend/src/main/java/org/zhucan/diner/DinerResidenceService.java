package org.zhucan.diner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * A diner's residence history (户籍 and 常住): the household registration and the place the diner
 * actually lives, each a chain of entries, so that a move never rewrites the past. A move closes the
 * current entry the day before the new one begins; a move on the day the current entry began
 * corrects that entry instead (it never held on an earlier day). The household's current entry is
 * copied to the diner row (home_community_id, address), which the registry's scope rules read:
 * street staff see and register the diners whose household is in their street, as before. The
 * current residence is not copied: it is read from the history, batched, where it is shown, and in
 * SQL by the one statement that counts by it (demand coverage), so it has one place to be wrong in.
 */
@Service
public class DinerResidenceService {

    private final DinerResidenceMapper residences;
    private final DinerMapper diners;
    private final RegionService regionService;
    private final DinerAccess access;
    private final AuditService audit;
    private final Clock clock;

    DinerResidenceService(DinerResidenceMapper residences, DinerMapper diners, RegionService regionService, DinerAccess access,
                          AuditService audit, Clock clock) {
        this.residences = residences;
        this.diners = diners;
        this.regionService = regionService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Each diner's entries of both kinds, household first, oldest first; for diners the caller's scope has already let through. */
    @BypassesCallerScope
    @Transactional(readOnly = true)
    public Map<Long, List<DinerResidence>> residencesOf(Collection<Long> dinerIds) {
        return Batches.group(dinerIds, dinerIds.isEmpty() ? List.of() : residences.findOf(dinerIds), DinerResidence::dinerId);
    }

    /**
     * recordDinerMove: ADMIN of a region that holds both the diner's household and the new community;
     * STREET_STAFF staff for a diner whose household is in their street, moving within it (a move
     * across streets is the district's). A diner outside the caller's reach is NOT_FOUND.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STREET_STAFF')")
    public DinerResult recordMove(RecordDinerMoveInput input) {
        CurrentUser user = CurrentUser.get();
        Diner diner = diners.findById(input.dinerId(), CallerScope.ALL);
        if (diner == null) {
            throw new NotFoundException("Diner", input.dinerId());
        }
        try {
            access.requireMayRegisterIn(user, regionService.require(diner.homeCommunityId()));
        } catch (AccessDeniedException e) {
            throw new NotFoundException("Diner", input.dinerId());
        }
        Region community = regionService.require(input.communityId());
        access.requireMayRegisterIn(user, community);
        if (!community.level().isCommunity()) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, community.name() + " is not a community or village",
                    "input", "communityId"));
        }
        String address = blankToNull(input.address());
        if (address == null) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "An address cannot be blank", "input", "address"));
        }
        List<UserError> problems = move(diner.id(), input.kind(), community.id(), address, input.effectiveOn(), blankToNull(input.reason()));
        return problems.isEmpty() ? new DinerResult(diners.findById(diner.id(), CallerScope.ALL), List.of()) : DinerResult.failed(problems);
    }

    /**
     * The first entries of a diner just registered: household and residence from today.
     */
    void registered(long dinerId, long householdId, String householdAddress, long residenceId, String residenceAddress, LocalDate on) {
        Instant now = clock.instant();
        residences.insert(new GeneratedKey(), dinerId, ResidenceKind.HOUSEHOLD, householdId, householdAddress, on, null, actor(), now);
        residences.insert(new GeneratedKey(), dinerId, ResidenceKind.RESIDENCE, residenceId, residenceAddress, on, null, actor(), now);
    }

    /**
     * Records that the diner's place of a kind is another from a day on, within the caller's
     * transaction, authorized by the caller, audited. The same place as the current one records
     * nothing. On a user error nothing of the transaction is kept.
     */
    List<UserError> move(long dinerId, ResidenceKind kind, long communityId, String address, LocalDate effectiveOn, String reason) {
        List<DinerResidence> chain = residencesOf(List.of(dinerId)).get(dinerId).stream().filter(entry -> entry.kind() == kind).toList();
        DinerResidence current = chain.get(chain.size() - 1);
        LocalDate today = BusinessTime.today(clock);
        if (effectiveOn.isAfter(today)) {
            return List.of(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "effectiveOn is in the future; record a move once it has happened",
                    "input", "effectiveOn"));
        }
        if (effectiveOn.isBefore(current.validFrom())) {
            return List.of(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is before the current entry began, on " + current.validFrom(), "input", "effectiveOn"));
        }
        if (current.communityId() == communityId && current.address().equals(address)) {
            return List.of();
        }
        Instant now = clock.instant();
        long currentId = current.id();
        if (currentId == 0) {
            // a diner written without a history: its entry read from the diner row becomes a real one first
            GeneratedKey key = new GeneratedKey();
            residences.insert(key, dinerId, kind, current.communityId(), current.address(), current.validFrom(), null, "system", now);
            currentId = key.value();
        }
        long afterId = currentId;
        boolean written;
        if (effectiveOn.equals(current.validFrom())) {
            written = residences.replace(currentId, communityId, address, reason, actor(), now) == 1;
        } else {
            written = residences.close(currentId, effectiveOn.minusDays(1)) == 1;
            if (written) {
                GeneratedKey key = new GeneratedKey();
                residences.insert(key, dinerId, kind, communityId, address, effectiveOn, reason, actor(), now);
                afterId = key.value();
            }
        }
        if (!written) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return List.of(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The diner was moved meanwhile; read it again and retry"));
        }
        if (kind == ResidenceKind.HOUSEHOLD) {
            residences.updateHousehold(dinerId, communityId, address, now);
        }
        DinerResidence after = new DinerResidence(afterId, dinerId, kind, communityId, address, effectiveOn, null, reason);
        audit.record("DINER_MOVED", "Diner", dinerId, current, after);
        return List.of();
    }

    private static String actor() {
        return CurrentUser.get().username();
    }
}
