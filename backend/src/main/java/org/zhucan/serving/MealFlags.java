package org.zhucan.serving;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerStatus;
import org.zhucan.network.Site;
import org.zhucan.network.SiteSlot;

/**
 * The flags a new meal raises for review: served at two sites within an hour (on both records),
 * a diner who is no longer active, a meal outside its slot's serving hours. Record ids are 0
 * until the record has one ({@link MealRecordMapper.RecordFlag#of}).
 */
final class MealFlags {

    static final Duration TWO_SITES_WINDOW = Duration.ofMinutes(60);

    private MealFlags() {
    }

    /** The flags of a meal, given the diner's standing meals around its date. */
    static List<MealRecordMapper.RecordFlag> raisedBy(Meal meal, List<MealRecord> standing, MealLookups lookups) {
        List<MealRecordMapper.RecordFlag> flags = new ArrayList<>();
        standing.stream().filter(other -> other.siteId() != meal.site().id() && other.id() != 0
                        && Duration.between(other.servedAt(), meal.servedAt()).abs().compareTo(TWO_SITES_WINDOW) < 0)
                .min(Comparator.comparing((MealRecord other) -> Duration.between(other.servedAt(), meal.servedAt()).abs())
                        .thenComparing(MealRecord::id))
                .ifPresent(other -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.TWO_SITES_WITHIN_HOUR,
                        twoSitesDetail(other, lookups.site(other.siteId())), other.id())));
        dinerNotActive(meal).ifPresent(detail -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.DINER_NOT_ACTIVE, detail, null)));
        outsideServingHours(meal).ifPresent(detail -> flags.add(new MealRecordMapper.RecordFlag(0, MealRecordFlagCode.OUTSIDE_SERVING_HOURS,
                detail, null)));
        return flags;
    }

    /**
     * The other half of each two-sites flag a new record raised: the same flag on the other site's
     * record, pointing back, so that both counters' records are flagged whichever came second.
     */
    static List<MealRecordMapper.RecordFlag> answering(Meal meal, long recordId, List<MealRecordMapper.RecordFlag> raised) {
        return raised.stream().filter(flag -> flag.code() == MealRecordFlagCode.TWO_SITES_WITHIN_HOUR && flag.relatedId() != null)
                .map(flag -> new MealRecordMapper.RecordFlag(flag.relatedId(), MealRecordFlagCode.TWO_SITES_WITHIN_HOUR,
                        "Also served at " + meal.site().name() + " at " + BusinessTime.wallClock(meal.servedAt()), recordId))
                .toList();
    }

    static String twoSitesDetail(MealRecord other, Site otherSite) {
        return "Also served at " + (otherSite == null ? "site " + other.siteId() : otherSite.name()) + " at "
                + BusinessTime.wallClock(other.servedAt());
    }

    static Optional<String> dinerNotActive(Meal meal) {
        DinerStatus status = meal.diner().status();
        return status == DinerStatus.DECEASED || status == DinerStatus.MOVED_AWAY
                ? Optional.of("The diner is " + status + " on " + meal.date()) : Optional.empty();
    }

    static Optional<String> outsideServingHours(Meal meal) {
        LocalTime servedTime = meal.servedAt().atZone(BusinessTime.ZONE).toLocalTime();
        SiteSlot slot = meal.slot();
        return servedTime.isBefore(slot.servesFrom()) || servedTime.isAfter(slot.servesTo())
                ? Optional.of("Served at " + servedTime.truncatedTo(ChronoUnit.MINUTES) + "; " + slot.slot() + " is served "
                        + slot.servesFrom() + "-" + slot.servesTo())
                : Optional.empty();
    }
}
