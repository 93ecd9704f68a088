package org.zhucan.payments;

/** What moved a prepaid balance: a top-up (充值), a meal paid from it, a refund of such a meal, or an adjustment with a reason. */
public enum PrepaidEntryKind {
    TOP_UP, MEAL, REFUND, ADJUSTMENT
}
