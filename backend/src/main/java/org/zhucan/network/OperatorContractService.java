package org.zhucan.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.network.OperatorService.AssignOperatorContractInput;
import org.zhucan.network.OperatorService.ContractResult;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * Operator contracts (片区运营合同): assigned, amended and ended by administrators of the district,
 * each change audited. Two contracts never cover one community on one day: every change first locks
 * the district's row in operator_contract_lock, so concurrent changes in a district take turns and
 * the overlap check, at READ COMMITTED, sees what the other committed (at REPEATABLE READ it would
 * read the snapshot taken before the wait, and a race test saw seven of eight overlapping contracts in). A site is assigned only to an operator whose
 * contract covers its community on the day ({@link #covers}).
 */
@Service
public class OperatorContractService {

    private final OperatorMapper contracts;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final NetworkAccess access;
    private final AuditService audit;
    private final Clock clock;

    OperatorContractService(OperatorMapper contracts, OperatorService operatorService, RegionService regionService, NetworkAccess access,
                            AuditService audit, Clock clock) {
        this.contracts = contracts;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a contract of the operator covers the community (or village) on the day. */
    @Transactional(readOnly = true)
    public boolean covers(long operatorId, long communityId, LocalDate on) {
        return contracts.covers(operatorId, communityId, on);
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    @PreAuthorize("hasRole('ADMIN')")
    public ContractResult assign(AssignOperatorContractInput input) {
        Operator operator = operatorService.require(input.operatorId());
        Region district = regionService.require(input.districtId());
        access.requireAdministers(CurrentUser.get(), district.id(), "contracts are assigned by administrators of the district's region");
        if (district.level() != RegionLevel.DISTRICT) {
            return ContractResult.failed(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    district.name() + " is not a district", "input", "districtId"));
        }
        UserError dates = datesProblem(input.validFrom(), input.validTo());
        if (dates != null) {
            return ContractResult.failed(dates);
        }
        Set<Long> communityIds = new LinkedHashSet<>(input.communityIds() == null ? List.of() : input.communityIds());
        UserError communities = communitiesProblem(district, communityIds);
        if (communities != null) {
            return ContractResult.failed(communities);
        }
        contracts.lockDistrict(district.id());
        UserError overlap = overlapProblem(district.id(), null, communityIds, input.validFrom(), input.validTo());
        if (overlap != null) {
            return ContractResult.failed(overlap);
        }
        GeneratedKey key = new GeneratedKey();
        contracts.insertContract(key, operator.id(), district.id(), input.validFrom(), input.validTo(), clock.instant());
        if (!communityIds.isEmpty()) {
            contracts.insertContractCommunities(key.value(), communityIds);
        }
        OperatorContract contract = contracts.findContract(key.value());
        audit.record("OPERATOR_CONTRACT_ASSIGNED", "OperatorContract", contract.id(), null,
                Map.of("contract", contract, "communityIds", communityIds));
        return new ContractResult(contract, List.of());
    }

    /** Changes a contract's period or communities (补充协议); the same overlap rule as a new one. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    @PreAuthorize("hasRole('ADMIN')")
    public ContractResult amend(AmendOperatorContractInput input) {
        OperatorContract before = require(input.contractId());
        Region district = regionService.require(before.districtId());
        access.requireAdministers(CurrentUser.get(), district.id(), "contracts are amended by administrators of the district's region");
        contracts.lockDistrict(district.id());
        before = require(input.contractId());
        List<Long> communitiesBefore = contracts.communitiesOf(before.id());
        LocalDate validFrom = input.validFrom() == null ? before.validFrom() : input.validFrom();
        LocalDate validTo = input.validTo() == null ? before.validTo() : input.validTo();
        UserError dates = datesProblem(validFrom, validTo);
        if (dates != null) {
            return ContractResult.failed(dates);
        }
        Set<Long> communityIds = new LinkedHashSet<>(input.communityIds() == null ? communitiesBefore : input.communityIds());
        UserError communities = communitiesProblem(district, communityIds);
        if (communities != null) {
            return ContractResult.failed(communities);
        }
        UserError overlap = overlapProblem(district.id(), before.id(), communityIds, validFrom, validTo);
        if (overlap != null) {
            return ContractResult.failed(overlap);
        }
        contracts.updateContract(before.id(), validFrom, validTo, before.endReason(), clock.instant());
        if (input.communityIds() != null) {
            contracts.deleteContractCommunities(before.id());
            if (!communityIds.isEmpty()) {
                contracts.insertContractCommunities(before.id(), communityIds);
            }
        }
        OperatorContract after = contracts.findContract(before.id());
        audit.record("OPERATOR_CONTRACT_AMENDED", "OperatorContract", before.id(), snapshot(before, communitiesBefore),
                snapshot(after, List.copyOf(communityIds)));
        return new ContractResult(after, List.of());
    }

    /**
     * Ends a contract after its last day, with the reason (合同终止, e.g. 考核不合格予以淘汰). A
     * contract already ended earlier is not lengthened here: that is an amendment.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    @PreAuthorize("hasRole('ADMIN')")
    public ContractResult end(EndOperatorContractInput input) {
        OperatorContract before = require(input.contractId());
        access.requireAdministers(CurrentUser.get(), before.districtId(), "contracts are ended by administrators of the district's region");
        String reason = blankToNull(input.reason());
        if (reason == null) {
            return ContractResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Say why the contract ends", "input", "reason"));
        }
        return endOn(before, input.lastDay(), reason);
    }

    /** Ends a contract on its last day with a reason; for the evaluation case that terminates it. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ContractResult endOn(OperatorContract before, LocalDate lastDay, String reason) {
        if (lastDay == null || lastDay.isBefore(before.validFrom())) {
            return ContractResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "The contract starts on " + before.validFrom() + "; its last day is that day or later", "input", "lastDay"));
        }
        if (before.validTo() != null && lastDay.isAfter(before.validTo())) {
            return ContractResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "The contract already ends on " + before.validTo() + "; a later end is an amendment", "input", "lastDay"));
        }
        contracts.lockDistrict(before.districtId());
        contracts.endContract(before.id(), lastDay, reason, clock.instant());
        OperatorContract after = contracts.findContract(before.id());
        audit.record("OPERATOR_CONTRACT_ENDED", "OperatorContract", before.id(), before, after);
        return new ContractResult(after, List.of());
    }

    /** A contract of the operator in force today in a district, newest first; null when none. */
    @Transactional(readOnly = true)
    public OperatorContract inForce(long operatorId, long districtId, LocalDate on) {
        return contracts.findInForce(operatorId, districtId, on);
    }

    @Transactional(readOnly = true)
    public OperatorContract require(Long id) {
        OperatorContract contract = id == null ? null : contracts.findContract(id);
        if (contract == null) {
            throw new NotFoundException("OperatorContract", id);
        }
        return contract;
    }

    private UserError datesProblem(LocalDate validFrom, LocalDate validTo) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            return UserError.of(UserErrorCode.INVALID_DATE_RANGE, "validTo is before validFrom", "input", "validTo");
        }
        return null;
    }

    private UserError communitiesProblem(Region district, Set<Long> communityIds) {
        Map<Long, Region> communities = regionService.byIds(communityIds);
        for (Long id : communityIds) {
            Region community = communities.get(id);
            if (community == null) {
                throw new NotFoundException("Region", id);
            }
            if (!community.level().isCommunity() || !community.path().startsWith(district.path())) {
                return UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                        community.name() + " is not a community or village of " + district.name(), "input", "communityIds");
            }
        }
        return null;
    }

    /** Called with the district locked: the other contract covering one of the communities on one of the days, if any. */
    private UserError overlapProblem(long districtId, Long exceptId, Set<Long> communityIds, LocalDate validFrom, LocalDate validTo) {
        OperatorContract other = contracts.findOverlapping(districtId, exceptId, communityIds, validFrom, validTo);
        if (other == null) {
            return null;
        }
        Operator holder = operatorService.find(other.operatorId());
        return UserError.of(UserErrorCode.CONTRACT_OVERLAP, "Contract " + other.id() + " of " + holder.name() + " already covers "
                + (communityIds.isEmpty() ? "part of the district" : "one of these communities") + " from " + other.validFrom()
                + (other.validTo() == null ? " on" : " to " + other.validTo()) + "; amend or end it first", "input");
    }

    private static Map<String, Object> snapshot(OperatorContract contract, List<Long> communityIds) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("contract", contract);
        what.put("communityIds", communityIds);
        return what;
    }
}
