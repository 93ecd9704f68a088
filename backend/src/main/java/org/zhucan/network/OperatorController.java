package org.zhucan.network;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.Masking;
import org.zhucan.security.CurrentUser;

@Controller
class OperatorController {

    private final OperatorService operatorService;
    private final OperatorContractService contractService;
    private final RegionService regionService;
    private final NetworkAccess access;

    OperatorController(OperatorService operatorService, OperatorContractService contractService, RegionService regionService,
                       NetworkAccess access) {
        this.operatorService = operatorService;
        this.contractService = contractService;
        this.regionService = regionService;
        this.access = access;
    }

    @QueryMapping
    Connection<Operator> operators(@Argument OperatorFilter filter, @Argument Integer first, @Argument String after) {
        OperatorFilter given = filter == null ? new OperatorFilter(null, null) : filter;
        return operatorService.list(given.kind(), given.text(), PageRequest.of(first, after));
    }

    @QueryMapping
    Operator operator(@Argument long id) {
        return operatorService.find(id);
    }

    @MutationMapping
    OperatorService.OperatorResult createOperator(@Argument @Valid OperatorService.CreateOperatorInput input) {
        return operatorService.create(input);
    }

    @MutationMapping
    OperatorService.OperatorResult updateOperator(@Argument @Valid OperatorService.UpdateOperatorInput input) {
        return operatorService.update(input);
    }

    @MutationMapping
    OperatorService.ContractResult assignOperatorContract(@Argument OperatorService.AssignOperatorContractInput input) {
        return contractService.assign(input);
    }

    @MutationMapping
    OperatorService.ContractResult amendOperatorContract(@Argument AmendOperatorContractInput input) {
        return contractService.amend(input);
    }

    @MutationMapping
    OperatorService.ContractResult endOperatorContract(@Argument @Valid EndOperatorContractInput input) {
        return contractService.end(input);
    }

    @SchemaMapping
    String contactPhone(Operator operator) {
        return access.seesFullContactPhone(CurrentUser.get()) ? operator.contactPhone() : Masking.phone(operator.contactPhone());
    }

    @BatchMapping
    Map<Operator, List<OperatorContract>> contracts(List<Operator> operators) {
        return Batches.perParent(operators, Operator::id, operatorService.contractsOf(Batches.keys(operators, Operator::id)));
    }

    @BatchMapping(typeName = "OperatorContract", field = "operator")
    Map<OperatorContract, Operator> contractOperator(List<OperatorContract> contracts) {
        return Batches.perParent(contracts, OperatorContract::operatorId,
                operatorService.byIds(Batches.keys(contracts, OperatorContract::operatorId)));
    }

    @BatchMapping(typeName = "OperatorContract", field = "district")
    Map<OperatorContract, Region> contractDistrict(List<OperatorContract> contracts) {
        return Batches.perParent(contracts, OperatorContract::districtId,
                regionService.byIds(Batches.keys(contracts, OperatorContract::districtId)));
    }

    @BatchMapping(typeName = "OperatorContract", field = "communities")
    Map<OperatorContract, List<Region>> contractCommunities(List<OperatorContract> contracts) {
        Map<Long, List<Long>> communityIds = operatorService.contractCommunityIds(Batches.keys(contracts, OperatorContract::id));
        Map<Long, Region> regions = regionService.byIds(communityIds.values().stream().flatMap(List::stream).distinct().toList());
        Map<Long, List<Region>> communities = new java.util.HashMap<>();
        communityIds.forEach((contractId, ids) -> communities.put(contractId, ids.stream().map(regions::get).toList()));
        return Batches.perParent(contracts, OperatorContract::id, communities);
    }
}
