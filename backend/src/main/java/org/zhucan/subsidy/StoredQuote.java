package org.zhucan.subsidy;

import java.util.List;


/**
 * A quote's shares and reasons as stored, in JSON, with a booking and with a meal record: the one
 * stored form of a quote, read back for the record's and the booking's subsidy breakdown.
 */
public record StoredQuote(List<SubsidyRules.QuotedShare> shares, List<SubsidyRules.Reason> reasons) {
}
