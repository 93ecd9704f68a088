package org.zhucan.subsidy;

import java.util.List;

import org.zhucan.common.money.Money;

/** A quote as the API shows it (the schema's {@code MealQuote}). */
public record MealQuoteView(Money price, Money subsidy, Money dinerPays, List<QuotedShare> shares, SubsidyPolicy policy,
                            List<SubsidyRules.Reason> reasons) {

    /** A source's share as the API shows it. */
    public record QuotedShare(FundingSource source, Money amount, String zeroBecause) {
    }
}
