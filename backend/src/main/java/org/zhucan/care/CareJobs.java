package org.zhucan.care;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the eating-pattern alerts on a schedule, on every instance ({@link EatingPatternAlerts} is safe so);
 * {@code ZHUCAN_CARE_JOBS=false} keeps an instance out. Tests run it by hand with a test clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhucan.care.jobs-enabled", havingValue = "true", matchIfMissing = true)
class CareJobs {

    private final EatingPatternAlerts eatingPatterns;

    CareJobs(EatingPatternAlerts eatingPatterns) {
        this.eatingPatterns = eatingPatterns;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${zhucan.care.eating-pattern-every:1h}")
    void raiseEatingPatternAlerts() {
        eatingPatterns.raiseDue();
    }
}
