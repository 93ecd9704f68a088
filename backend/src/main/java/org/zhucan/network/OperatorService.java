package org.zhucan.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.Like;
import org.zhucan.network.OperatorMapper.ContractCommunity;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/** Operators and their contracts. Every logged-in role reads them; ADMIN writes ({@link OperatorContractService} changes contracts). */
@Service
public class OperatorService {

    private final OperatorMapper operators;
    private final NetworkAccess access;
    private final AuditService audit;
    private final Clock clock;

    OperatorService(OperatorMapper operators, NetworkAccess access, AuditService audit, Clock clock) {
        this.access = access;
        this.operators = operators;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Operator find(long id) {
        return operators.findById(id);
    }

    @Transactional(readOnly = true)
    public Operator require(long id) {
        Operator operator = operators.findById(id);
        if (operator == null) {
            throw new NotFoundException("Operator", id);
        }
        return operator;
    }

    @Transactional(readOnly = true)
    public Map<Long, Operator> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return operators.findByIds(ids).stream().collect(Collectors.toMap(Operator::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Connection<Operator> list(OperatorKind kind, String text, PageRequest page) {
        NameKeyset after = NameKeyset.after(page);
        String contains = Like.escape(text);
        List<Operator> rows = operators.findPage(kind, contains, after.name(), after.id(), page.fetchSize());
        return Connection.of(rows, page, operator -> NameKeyset.cursor(operator.name(), operator.id()), operators.count(kind, contains));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<OperatorContract>> contractsOf(Collection<Long> operatorIds) {
        return Batches.group(operatorIds, operatorIds.isEmpty() ? List.of() : operators.findContractsOf(operatorIds),
                OperatorContract::operatorId);
    }

    /** The community ids of each contract; empty for a contract over the whole district. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> contractCommunityIds(Collection<Long> contractIds) {
        List<ContractCommunity> rows = contractIds.isEmpty() ? List.of() : operators.findContractCommunities(contractIds);
        Map<Long, List<Long>> communityIds = new LinkedHashMap<>();
        Batches.group(contractIds, rows, ContractCommunity::contractId)
                .forEach((contractId, links) -> communityIds.put(contractId, links.stream().map(ContractCommunity::communityId).toList()));
        return communityIds;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public OperatorResult create(CreateOperatorInput input) {
        String creditCode = input.creditCode().trim().toUpperCase(java.util.Locale.ROOT);
        UserError problem = creditCodeProblem(creditCode, null);
        if (problem != null) {
            return OperatorResult.failed(problem);
        }
        GeneratedKey key = new GeneratedKey();
        operators.insert(key, input.name().trim(), creditCode, input.kind(), blankToNull(input.contactName()),
                blankToNull(input.contactPhone()), clock.instant());
        Operator created = operators.findById(key.value());
        audit.record("OPERATOR_CREATED", "Operator", created.id(), null, created);
        return new OperatorResult(created, List.of());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public OperatorResult update(UpdateOperatorInput input) {
        Operator before = require(input.operatorId());
        access.requireStaffOf(CurrentUser.get(), before.id(), "an operator is changed by administrators of a region it works in");
        String creditCode = input.creditCode() == null ? before.creditCode() : input.creditCode().trim().toUpperCase(java.util.Locale.ROOT);
        if (!creditCode.equals(before.creditCode())) {
            UserError problem = creditCodeProblem(creditCode, before.id());
            if (problem != null) {
                return OperatorResult.failed(problem);
            }
        }
        if (input.name() != null && input.name().isBlank()) {
            return OperatorResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A name cannot be blank", "input", "name"));
        }
        Operator after = new Operator(before.id(), input.name() == null ? before.name() : input.name().trim(), creditCode,
                input.kind() == null ? before.kind() : input.kind(),
                input.contactName() == null ? before.contactName() : blankToNull(input.contactName()),
                input.contactPhone() == null ? before.contactPhone() : blankToNull(input.contactPhone()));
        operators.update(after.id(), after.name(), after.creditCode(), after.kind(), after.contactName(), after.contactPhone(),
                clock.instant());
        audit.record("OPERATOR_UPDATED", "Operator", after.id(), before, after);
        return new OperatorResult(after, List.of());
    }

    private UserError creditCodeProblem(String creditCode, Long exceptId) {
        if (!CreditCode.isValid(creditCode)) {
            return UserError.of(UserErrorCode.INVALID_CREDIT_CODE,
                    "Not a unified social credit code: 18 characters whose last is the GB 32100 check character", "input", "creditCode");
        }
        if (operators.existsByCreditCode(creditCode, exceptId)) {
            return UserError.of(UserErrorCode.DUPLICATE_CREDIT_CODE, "Another operator has credit code " + creditCode,
                    "input", "creditCode");
        }
        return null;
    }


    public record CreateOperatorInput(@NotBlank @Size(max = 128) String name, @NotBlank String creditCode, OperatorKind kind,
                                      @Size(max = 64) String contactName, @Size(max = 32) String contactPhone) {
    }

    public record UpdateOperatorInput(Long operatorId, @Size(max = 128) String name, String creditCode, OperatorKind kind,
                                      @Size(max = 64) String contactName, @Size(max = 32) String contactPhone) {
    }

    public record AssignOperatorContractInput(Long operatorId, Long districtId, List<Long> communityIds, LocalDate validFrom,
                                              LocalDate validTo) {
    }

    public record OperatorResult(Operator operator, List<UserError> userErrors) {
        static OperatorResult failed(UserError error) {
            return new OperatorResult(null, List.of(error));
        }
    }

    public record ContractResult(OperatorContract contract, List<UserError> userErrors) {
        static ContractResult failed(UserError error) {
            return new ContractResult(null, List.of(error));
        }
    }
}
