package org.zhucan.subsidy;

import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/**
 * Subsidised meals a diner has already taken, for the per-day, per-slot and monthly limits. The
 * feature that records meals served provides it.
 */
public interface SubsidyUsage {

    SubsidyRules.Usage usage(long dinerId, LocalDate date, MealSlot slot);
}
