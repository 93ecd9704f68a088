package org.zhucan.menu;

import org.zhucan.common.money.Money;

/** One dish on a menu as saveMenu and amendMenu take it: its price and daily quota. */
public record MenuItemInput(long dishId, Money price, Integer dailyQuota) {
}
