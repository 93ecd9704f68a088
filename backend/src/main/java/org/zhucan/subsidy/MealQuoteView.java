package org.zhucan.subsidy;

import java.util.List;

import org.zhucan.common.money.Money;

/** A quote as the API shows it (the schema's {@code MealQuote}). */
public record MealQuoteView(Money price, Money subsidy, Money dinerPays, List<QuotedShare> shares, SubsidyPolicy policy,
                            List<SubsidyRules.Reason> reasons) {

    /** A quote as stored with a booking or a meal record: its amounts, its shares in fen, its policy and reasons. */
    public static MealQuoteView stored(Money price, Money subsidy, Money dinerPays, List<SubsidyRules.QuotedShare> shares, SubsidyPolicy policy,
                                       List<SubsidyRules.Reason> reasons) {
        return new MealQuoteView(price, subsidy, dinerPays, shares.stream()
                .map(share -> new QuotedShare(share.source(), Money.ofFen(share.amountFen()), share.zeroBecause())).toList(), policy, reasons);
    }

    /** A source's share as the API shows it. */
    public record QuotedShare(FundingSource source, Money amount, String zeroBecause) {
    }
}
