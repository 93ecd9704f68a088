package org.zhucan.device;

import java.time.Instant;

/**
 * A face-recognition terminal registered to a site's counter, as callers see it: never with a key.
 *
 * @param keyVersion the version of its current key
 * @param keyIssuedAt when that version was issued
 */
public record FaceTerminal(long id, long siteId, String name, String serialNumber, FaceTerminalStatus status, int keyVersion,
                           Instant keyIssuedAt, String registeredBy, Instant registeredAt, String disabledBy, Instant disabledAt,
                           String disabledReason) {
}
