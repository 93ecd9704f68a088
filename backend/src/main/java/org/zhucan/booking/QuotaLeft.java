package org.zhucan.booking;


/** How much of a dish's (or set meal's) daily quota is left. */
public record QuotaLeft(Long dishId, String setMealName, int quota, int taken, int left) {
}
