package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.serving.MealRecord;
import org.zhucan.serving.ServingService;
import reactor.core.publisher.Mono;

@Controller
class SettlementController {

    private static final String FLAGGED_RECORDS = "settlementFlaggedRecords";

    private final SettlementService settlementService;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final SiteService siteService;
    private final ServingService servingService;

    SettlementController(SettlementService settlementService, OperatorService operatorService, RegionService regionService,
                         SiteService siteService, ServingService servingService, BatchLoaderRegistry batchLoaders) {
        this.settlementService = settlementService;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.siteService = siteService;
        this.servingService = servingService;
        batchLoaders.<SettlementService.FlaggedPage, List<MealRecord>>forName(FLAGGED_RECORDS)
                .registerMappedBatchLoader((pages, environment) -> Mono.fromCallable(() -> settlementService.flaggedRecordPages(pages)));
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    Connection<SettlementStatement> settlementStatements(@Argument SettlementService.StatementFilter filter, @Argument Integer first,
                                                         @Argument String after) {
        return settlementService.list(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    SettlementStatement settlementStatement(@Argument long id) {
        return settlementService.find(id);
    }

    @QueryMapping
    SettlementService.Reconciliation reconciliation(@Argument long districtId, @Argument LocalDate periodStart, @Argument LocalDate periodEnd) {
        return settlementService.reconcile(districtId, periodStart, periodEnd);
    }

    @MutationMapping
    SettlementService.StatementResult generateSettlement(@Argument SettlementService.GenerateSettlementInput input) {
        return TransientFailures.retry(() -> settlementService.generate(input));
    }

    @MutationMapping
    SettlementService.StatementResult submitSettlement(@Argument SettlementService.TransitionInput input) {
        return settlementService.submit(input);
    }

    @MutationMapping
    SettlementService.StatementResult approveSettlement(@Argument SettlementService.TransitionInput input) {
        return settlementService.approve(input);
    }

    @MutationMapping
    SettlementService.StatementResult rejectSettlement(@Argument SettlementService.RejectSettlementInput input) {
        return settlementService.reject(input);
    }

    @MutationMapping
    SettlementService.StatementResult markSettlementPaid(@Argument SettlementService.MarkSettlementPaidInput input) {
        return settlementService.markPaid(input);
    }

    @MutationMapping
    SettlementService.BudgetResult setFundingBudget(@Argument SettlementService.SetFundingBudgetInput input) {
        return settlementService.setBudget(input);
    }

    // ------------------------------------------------------------ statement fields, batched

    @BatchMapping(typeName = "SettlementStatement", field = "operator")
    Map<SettlementStatement, Operator> operator(List<SettlementStatement> statements) {
        return Batches.perParent(statements, SettlementStatement::operatorId,
                operatorService.byIds(Batches.keys(statements, SettlementStatement::operatorId)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "district")
    Map<SettlementStatement, Region> district(List<SettlementStatement> statements) {
        return Batches.perParent(statements, SettlementStatement::districtId,
                regionService.byIds(Batches.keys(statements, SettlementStatement::districtId)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "lines")
    Map<SettlementStatement, List<SettlementLine>> lines(List<SettlementStatement> statements) {
        return Batches.perParent(statements, SettlementStatement::id,
                settlementService.linesOf(Batches.keys(statements, SettlementStatement::id)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "totals")
    Map<SettlementStatement, List<SourceAmount>> totals(List<SettlementStatement> statements) {
        return Batches.perParent(statements, SettlementStatement::id,
                settlementService.totalsOf(Batches.keys(statements, SettlementStatement::id)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "contentVerified")
    Map<SettlementStatement, Boolean> contentVerified(List<SettlementStatement> statements) {
        return Batches.perParent(statements, SettlementStatement::id, settlementService.verifiedByIds(statements));
    }

    /** Each statement's page of flagged records, through one batch loader: a list of statements asks once. */
    @SchemaMapping(typeName = "SettlementStatement", field = "flaggedRecords")
    CompletableFuture<Connection<MealRecord>> flaggedRecords(SettlementStatement statement, @Argument Integer first, @Argument String after,
                                                            DataFetchingEnvironment environment) {
        PageRequest page = PageRequest.of(first, after);
        DataLoader<SettlementService.FlaggedPage, List<MealRecord>> loader = environment.getDataLoader(FLAGGED_RECORDS);
        return loader.load(new SettlementService.FlaggedPage(statement.id(), page))
                .thenApply(records -> Connection.of(records, page, record -> Cursor.encode(record.id()), statement.flaggedCount()));
    }

    @BatchMapping(typeName = "SettlementLine", field = "site")
    Map<SettlementLine, Site> site(List<SettlementLine> lines) {
        return Batches.perParent(lines, SettlementLine::siteId, siteService.byIds(Batches.keys(lines, SettlementLine::siteId)));
    }

    @SchemaMapping(typeName = "SettlementLine", field = "dinerCategory")
    DinerCategory dinerCategory(SettlementLine line) {
        return line.dinerCategory().isEmpty() ? null : DinerCategory.valueOf(line.dinerCategory());
    }

    @BatchMapping(typeName = "FundingBudget", field = "district")
    Map<FundingBudget, Region> budgetDistrict(List<FundingBudget> budgets) {
        return Batches.perParent(budgets, FundingBudget::districtId, regionService.byIds(Batches.keys(budgets, FundingBudget::districtId)));
    }

    // ------------------------------------------------------------ reconciliation fields

    @SchemaMapping(typeName = "Reconciliation", field = "district")
    Region reconciliationDistrict(SettlementService.Reconciliation reconciliation) {
        return regionService.require(reconciliation.districtId());
    }

    @BatchMapping(typeName = "ReconciliationDifference", field = "record")
    Map<SettlementMapper.DifferenceRow, MealRecord> differenceRecord(List<SettlementMapper.DifferenceRow> rows) {
        return Batches.perParent(rows, SettlementMapper.DifferenceRow::mealRecordId,
                servingService.readableByIds(Batches.keys(rows, SettlementMapper.DifferenceRow::mealRecordId)));
    }

    @BatchMapping(typeName = "ReconciliationDifference", field = "statement")
    Map<SettlementMapper.DifferenceRow, SettlementStatement> differenceStatement(List<SettlementMapper.DifferenceRow> rows) {
        return Batches.perParent(rows, SettlementMapper.DifferenceRow::statementId,
                settlementService.byIds(Batches.keys(rows, SettlementMapper.DifferenceRow::statementId)));
    }
}
