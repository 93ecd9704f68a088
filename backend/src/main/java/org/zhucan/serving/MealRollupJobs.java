package org.zhucan.serving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Computes the site days marked as changed into the meal roll-ups, on a schedule. Every instance may
 * run it at once (a mark is removed only by the computation that read its stamp); set
 * {@code ZHUCAN_ROLLUP_JOBS=false} to keep an instance out. Reads are right whether it ran or not:
 * it only keeps the days they compute from the records few. Tests run it by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhucan.serving.rollup-jobs-enabled", havingValue = "true", matchIfMissing = true)
class MealRollupJobs {

    /** Marks one run takes at most: a day's worth of sites, with room. */
    static final int PER_RUN = 2000;

    private static final Logger log = LoggerFactory.getLogger(MealRollupJobs.class);

    private final MealRollups rollups;

    MealRollupJobs(MealRollups rollups) {
        this.rollups = rollups;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${zhucan.serving.rollup-every:30s}")
    void computeMarked() {
        int computed = rollups.computeMarked(PER_RUN);
        if (computed > 0) {
            log.debug("meal roll-ups: {} site days computed", computed);
        }
    }
}
