package org.zhucan.care;

import java.time.Instant;

/** A registered volunteer (志愿者); the phone only masked. */
public record Volunteer(long id, String name, String phoneMasked, long regionId, String username, Instant registeredAt, String regionPath) {
}
