package org.zhucan.diner;


/** Narrows the diners a list answers. */
public record DinerFilter(Long regionId, DinerCategory category, DinerStatus status, String name, String idNumber) {
}
