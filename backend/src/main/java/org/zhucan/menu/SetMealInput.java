package org.zhucan.menu;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.zhucan.common.money.Money;

/** A set meal on a menu as saveMenu and amendMenu take it. */
public record SetMealInput(@NotBlank @Size(max = 64) String name, Money price, Integer dailyQuota, List<Long> dishIds) {
}
