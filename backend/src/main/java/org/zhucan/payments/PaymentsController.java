package org.zhucan.payments;

import java.time.LocalDate;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;

/** GraphQL mappings of prepaid balances, cash days and provider statements; meal records' payments are resolved by serving. */
@Controller
class PaymentsController {

    private final PrepaidService prepaid;
    private final CashDayService cashDays;
    private final ProviderStatementService reconciliation;

    PaymentsController(PrepaidService prepaid, CashDayService cashDays, ProviderStatementService reconciliation) {
        this.prepaid = prepaid;
        this.cashDays = cashDays;
        this.reconciliation = reconciliation;
    }

    @QueryMapping
    PrepaidAccount prepaidAccount(@Argument long dinerId) {
        return prepaid.account(dinerId);
    }

    @QueryMapping
    Connection<PrepaidEntry> prepaidEntries(@Argument long dinerId, @Argument Integer first, @Argument String after) {
        return prepaid.entries(dinerId, PageRequest.of(first, after));
    }

    @QueryMapping
    PrepaidLedgerCheck checkPrepaidLedger() {
        return prepaid.check();
    }

    @QueryMapping
    CashDay cashDay(@Argument long siteId, @Argument LocalDate date) {
        return cashDays.cashDay(siteId, date);
    }

    @QueryMapping
    String cashDaysCsv(@Argument long siteId, @Argument LocalDate from, @Argument LocalDate to) {
        return cashDays.closedDaysCsv(siteId, from, to);
    }

    @QueryMapping
    ProviderStatement providerStatement(@Argument long id) {
        return reconciliation.statement(id);
    }

    @MutationMapping
    PrepaidPayload topUpPrepaid(@Argument TopUpPrepaidInput input) {
        return prepaid.topUp(input);
    }

    @MutationMapping
    PrepaidPayload adjustPrepaid(@Argument AdjustPrepaidInput input) {
        return prepaid.adjust(input);
    }

    @MutationMapping
    CashDayPayload recordCashCount(@Argument RecordCashCountInput input) {
        return cashDays.recordCount(input);
    }

    @MutationMapping
    CashDayPayload closeCashDay(@Argument CloseCashDayInput input) {
        return cashDays.close(input);
    }

    @MutationMapping
    ProviderStatementPayload importProviderStatement(@Argument ImportProviderStatementInput input) {
        return reconciliation.importStatement(input);
    }
}
