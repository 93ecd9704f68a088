package org.zhucan.serving;

import java.util.List;

import org.zhucan.subsidy.SubsidyRules;

/** A quote's shares and reasons, as stored with the record. */
public record StoredQuote(List<SubsidyRules.QuotedShare> shares, List<SubsidyRules.Reason> reasons) {
}
