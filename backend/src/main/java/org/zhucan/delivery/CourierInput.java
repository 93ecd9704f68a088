package org.zhucan.delivery;

/** A courier for planning: a staff account's username or a registered volunteer, with how many stops they take. */
public record CourierInput(String username, Long volunteerId, Integer capacity) {
}
