package org.zhucan.eligibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes applications effective when their publicity period has ended, on a schedule. Every instance may run it at once
 * ({@link EffectService} claims each application); set {@code ZHUCAN_ELIGIBILITY_JOBS=false} to keep an instance out.
 * Tests run it by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhucan.eligibility.jobs-enabled", havingValue = "true", matchIfMissing = true)
class EligibilityJobs {

    private static final Logger log = LoggerFactory.getLogger(EligibilityJobs.class);

    private final EffectService effects;

    EligibilityJobs(EffectService effects) {
        this.effects = effects;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${zhucan.eligibility.effect-every:10m}")
    void takeEffect() {
        int made = effects.takeEffectDue();
        if (made > 0) {
            log.info("subsidy applications: {} made effective after their publicity", made);
        }
    }
}
