package org.zhucan.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake jobs ({@code zhucan.intake.*}).
 *
 * @param workers how many imports one instance runs at once
 * @param leaseSeconds how long a job's lease lasts without a heartbeat (one per batch of 500 rows) before any
 *     instance's sweeper takes the job over
 * @param sweepMillis how often each instance looks for jobs whose lease ran out
 * @param maxUploadBytes the largest file accepted
 */
@ConfigurationProperties("zhucan.intake")
record IntakeSettings(@DefaultValue("2") int workers, @DefaultValue("60") int leaseSeconds, @DefaultValue("30000") long sweepMillis,
                      @DefaultValue("33554432") int maxUploadBytes) {
}
