package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
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
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;
import org.zhucan.serving.MealRecord;
import org.zhucan.serving.MealRecordReadService;
import reactor.core.publisher.Mono;

/**
 * Statements and reconciliation over GraphQL. Every field that reads statements asks the service
 * for the parts its selection names, read with the headers in one snapshot, and registers them in
 * {@link StatementReads}; the statement's nested fields answer from there.
 */
@Controller
class SettlementController {

    private static final String FLAGGED_RECORDS = "settlementFlaggedRecords";

    private final SettlementService settlementService;
    private final StatementContentsService contentsService;
    private final FundingBudgetService budgetService;
    private final ReconciliationService reconciliationService;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final SiteService siteService;
    private final MealRecordReadService mealRecords;

    SettlementController(SettlementService settlementService, StatementContentsService contentsService, FundingBudgetService budgetService,
                         ReconciliationService reconciliationService, OperatorService operatorService, RegionService regionService,
                         SiteService siteService, MealRecordReadService mealRecords, BatchLoaderRegistry batchLoaders) {
        this.settlementService = settlementService;
        this.contentsService = contentsService;
        this.budgetService = budgetService;
        this.reconciliationService = reconciliationService;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.siteService = siteService;
        this.mealRecords = mealRecords;
        batchLoaders.<FlaggedPage, List<MealRecord>>forName(FLAGGED_RECORDS)
                .registerMappedBatchLoader((pages, environment) -> Mono.fromCallable(() -> contentsService.flaggedRecordPages(pages)));
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    Connection<SettlementStatement> settlementStatements(@Argument StatementFilter filter, @Argument Integer first,
                                                         @Argument String after, DataFetchingFieldSelectionSet selection,
                                                         GraphQLContext context) {
        StatementPage page = settlementService.list(filter, PageRequest.of(first, after),
                StatementReads.selected(selection, "edges/node/"));
        StatementReads.of(context).add(page.contents());
        return page.connection();
    }

    @QueryMapping
    SettlementStatement settlementStatement(@Argument long id, DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        StatementContents read = settlementService.read(id, StatementReads.selected(selection, ""));
        StatementReads.of(context).add(read);
        return read.single();
    }

    @QueryMapping
    Reconciliation reconciliation(@Argument long districtId, @Argument LocalDate periodStart, @Argument LocalDate periodEnd,
                                                    DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        Reconciliation reconciliation = reconciliationService.reconcile(districtId, periodStart, periodEnd,
                selection.contains("differences/statement") ? StatementReads.selected(selection, "differences/statement/") : null);
        StatementReads.of(context).add(reconciliation.statements());
        return reconciliation;
    }

    @MutationMapping
    StatementResult generateSettlement(@Argument GenerateSettlementInput input,
                                                         DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        StatementParts parts = StatementReads.selected(selection, "statement/");
        return registered(settlementService.generate(input, parts), context);
    }

    @MutationMapping
    StatementResult submitSettlement(@Argument TransitionInput input, DataFetchingFieldSelectionSet selection,
                                                       GraphQLContext context) {
        return registered(settlementService.submit(input, StatementReads.selected(selection, "statement/")), context);
    }

    @MutationMapping
    StatementResult approveSettlement(@Argument TransitionInput input, DataFetchingFieldSelectionSet selection,
                                                        GraphQLContext context) {
        return registered(settlementService.approve(input, StatementReads.selected(selection, "statement/")), context);
    }

    @MutationMapping
    StatementResult rejectSettlement(@Argument RejectSettlementInput input,
                                                       DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        return registered(settlementService.reject(input, StatementReads.selected(selection, "statement/")), context);
    }

    @MutationMapping
    StatementResult markSettlementPaid(@Argument MarkSettlementPaidInput input,
                                                         DataFetchingFieldSelectionSet selection, GraphQLContext context) {
        return registered(settlementService.markPaid(input, StatementReads.selected(selection, "statement/")), context);
    }

    private static StatementResult registered(StatementResult result, GraphQLContext context) {
        StatementReads.of(context).add(result.contents());
        return result;
    }

    @MutationMapping
    BudgetResult setFundingBudget(@Argument SetFundingBudgetInput input) {
        return budgetService.setBudget(input);
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

    // Lines, totals, the content check and flagged records come as read with the header (StatementReads);
    // the loads below serve only a statement reached without them, all such at once.

    @BatchMapping(typeName = "SettlementStatement", field = "lines")
    Map<SettlementStatement, List<SettlementLine>> lines(List<SettlementStatement> statements, GraphQLContext context) {
        return StatementReads.of(context).resolve(statements, StatementContents::lines,
                missing -> contentsService.linesOf(Batches.keys(missing, SettlementStatement::id)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "totals")
    Map<SettlementStatement, List<SourceAmount>> totals(List<SettlementStatement> statements, GraphQLContext context) {
        return StatementReads.of(context).resolve(statements, StatementContents::totals,
                missing -> contentsService.totalsOf(Batches.keys(missing, SettlementStatement::id)));
    }

    @BatchMapping(typeName = "SettlementStatement", field = "contentVerified")
    Map<SettlementStatement, Boolean> contentVerified(List<SettlementStatement> statements, GraphQLContext context) {
        return StatementReads.of(context).resolve(statements, StatementContents::verified, contentsService::verifiedByIds);
    }

    /** Each statement's page of flagged records, through one batch loader: a list of statements asks once. */
    @SchemaMapping(typeName = "SettlementStatement", field = "flaggedRecords")
    CompletableFuture<Connection<MealRecord>> flaggedRecords(SettlementStatement statement, @Argument Integer first, @Argument String after,
                                                            DataFetchingEnvironment environment) {
        PageRequest page = PageRequest.of(first, after);
        FlaggedPage key = new FlaggedPage(statement.id(), page);
        List<MealRecord> read = StatementReads.of(environment.getGraphQlContext()).part(statement, StatementContents::flagged, key);
        DataLoader<FlaggedPage, List<MealRecord>> loader = environment.getDataLoader(FLAGGED_RECORDS);
        return (read != null ? CompletableFuture.completedFuture(read) : loader.load(key))
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

    @SchemaMapping(typeName = "SettlementLine", field = "quality")
    OperatingSubsidyQuality quality(SettlementLine line) {
        return line.scaled() ? new OperatingSubsidyQuality(java.time.YearMonth.parse(line.evaluationMonth()),
                line.evaluationScore().doubleValue(), line.bandMinScore(), line.percentBasisPoints()) : null;
    }

    /** A scaled operating-subsidy line's weighting, read from the line itself. The score is shown as evaluations show it, a Float. */
    record OperatingSubsidyQuality(java.time.YearMonth month, double score, int bandMinScore, int percentBasisPoints) {
    }

    @BatchMapping(typeName = "FundingBudget", field = "district")
    Map<FundingBudget, Region> budgetDistrict(List<FundingBudget> budgets) {
        return Batches.perParent(budgets, FundingBudget::districtId, regionService.byIds(Batches.keys(budgets, FundingBudget::districtId)));
    }

    // ------------------------------------------------------------ reconciliation fields

    @SchemaMapping(typeName = "Reconciliation", field = "district")
    Region reconciliationDistrict(Reconciliation reconciliation) {
        return regionService.require(reconciliation.districtId());
    }

    @BatchMapping(typeName = "ReconciliationDifference", field = "record")
    Map<ReconciliationDifference, MealRecord> differenceRecord(List<ReconciliationDifference> rows) {
        return Batches.perParent(rows, ReconciliationDifference::mealRecordId,
                mealRecords.readableByIds(Batches.keys(rows, ReconciliationDifference::mealRecordId)));
    }

    // ReconciliationDifference.statement: read with the reconciliation's sums (ReconciliationService.reconcile), a property
}
