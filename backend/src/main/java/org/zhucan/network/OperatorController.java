package org.zhucan.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.Masking;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

@Controller
class OperatorController {

    private final OperatorService operatorService;
    private final RegionService regionService;

    OperatorController(OperatorService operatorService, RegionService regionService) {
        this.operatorService = operatorService;
        this.regionService = regionService;
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
        return operatorService.assignContract(input);
    }

    /** Only administrators need the whole number; everyone else sees it masked. */
    @SchemaMapping
    String contactPhone(Operator operator) {
        return CurrentUser.get().roles().contains(Role.ADMIN) ? operator.contactPhone() : Masking.phone(operator.contactPhone());
    }

    @BatchMapping
    Map<Operator, List<OperatorContract>> contracts(List<Operator> operators) {
        Map<Long, List<OperatorContract>> contracts = operatorService.contractsOf(operators.stream().map(Operator::id).distinct().toList());
        Map<Operator, List<OperatorContract>> result = new LinkedHashMap<>();
        operators.forEach(operator -> result.put(operator, contracts.get(operator.id())));
        return result;
    }

    @BatchMapping(typeName = "OperatorContract", field = "operator")
    Map<OperatorContract, Operator> contractOperator(List<OperatorContract> contracts) {
        Map<Long, Operator> operators = operatorService.byIds(contracts.stream().map(OperatorContract::operatorId).distinct().toList());
        Map<OperatorContract, Operator> result = new LinkedHashMap<>();
        contracts.forEach(contract -> result.put(contract, operators.get(contract.operatorId())));
        return result;
    }

    @BatchMapping(typeName = "OperatorContract", field = "district")
    Map<OperatorContract, Region> contractDistrict(List<OperatorContract> contracts) {
        Map<Long, Region> districts = regionService.byIds(contracts.stream().map(OperatorContract::districtId).distinct().toList());
        Map<OperatorContract, Region> result = new LinkedHashMap<>();
        contracts.forEach(contract -> result.put(contract, districts.get(contract.districtId())));
        return result;
    }

    @BatchMapping(typeName = "OperatorContract", field = "communities")
    Map<OperatorContract, List<Region>> contractCommunities(List<OperatorContract> contracts) {
        Map<Long, List<Long>> communityIds = operatorService.contractCommunityIds(contracts.stream().map(OperatorContract::id).distinct().toList());
        Map<Long, Region> regions = regionService.byIds(communityIds.values().stream().flatMap(List::stream).distinct().toList());
        Map<OperatorContract, List<Region>> result = new LinkedHashMap<>();
        contracts.forEach(contract -> result.put(contract, communityIds.get(contract.id()).stream().map(regions::get).toList()));
        return result;
    }
}
