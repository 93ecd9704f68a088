package org.zhucan.serving;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.money.Money;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.DinerLeft;
import org.zhucan.diner.DinerStatus;
import org.zhucan.notice.NoticeKind;
import org.zhucan.notice.NoticeService;

/**
 * What a death or move-out recorded late does to the meals served after it, in the transaction that records it
 * (see {@link DinerLeft}). Every standing meal of the diner dated after the effective day is flagged (AFTER_DEATH,
 * AFTER_MOVE_OUT), and one that carried a subsidy is corrected: reversed and replaced by a record quoted afresh,
 * which, the diner being no longer ACTIVE on its date, carries none, so the full price is owed and the usage rows
 * give the subsidy back. The day itself is not touched: a meal on the day of a death or move is one the diner could
 * still have eaten (lunch before moving; the death certificate gives a day, not an hour), so it stays subsidised.
 * <p>
 * Settled or not, the correction is the same; settlement does the rest. A record not yet in a statement is settled
 * with its reversal and replacement, netting to no subsidy; a record already in an approved statement stays there,
 * and its reversal, dated in that period and held by no statement, is carried into the next statement as a negative
 * ADJUSTMENT line (its operating subsidy taken back with it when no other meal stands that day).
 * <p>
 * A suspension withdraws nothing: it is decided from now on, and meals served before it was recorded were eaten by
 * an eligible diner. Runs before the booking module's handler (order 1), as the replacement of a booked meal marks
 * the booking served again.
 */
@Component
class DepartedDinerMeals {

    private final MealRecordMapper mapper;
    private final MealCorrectionService corrections;
    private final MealRollups rollups;
    private final AuditService audit;
    private final NoticeService notices;
    private final Clock clock;

    DepartedDinerMeals(MealRecordMapper mapper, MealCorrectionService corrections, MealRollups rollups, AuditService audit, NoticeService notices, Clock clock) {
        this.mapper = mapper;
        this.corrections = corrections;
        this.rollups = rollups;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    @Order(1)
    void on(DinerLeft left) {
        if (!left.forGood()) {
            return;
        }
        LocalDate today = BusinessTime.today(clock);
        if (!left.effectiveOn().isBefore(today)) {
            return;
        }
        boolean death = left.status() == DinerStatus.DECEASED;
        MealRecordFlagCode code = death ? MealRecordFlagCode.AFTER_DEATH : MealRecordFlagCode.AFTER_MOVE_OUT;
        String detail = (death ? "Served after the diner's death on " : "Served after the diner moved away on ") + left.effectiveOn();
        String reason = (death ? "老人已于 " + left.effectiveOn() + " 去世，撤回其后就餐的补贴" : "老人已于 " + left.effectiveOn() + " 迁出，撤回其后就餐的补贴");
        List<MealRecord> after = mapper.findStandingMealsOf(List.of(left.dinerId()), left.effectiveOn().plusDays(1), today.plusDays(1)).stream()
                .sorted(Comparator.comparing(MealRecord::servedAt).thenComparing(MealRecord::id)).toList();
        List<MealRecordMapper.RecordFlag> flags = new ArrayList<>();
        List<LocalDate> withdrawnOn = new ArrayList<>();
        long withdrawnFen = 0;
        int voidedOnly = 0;
        for (MealRecord record : after) {
            flags.add(new MealRecordMapper.RecordFlag(record.id(), code, detail, null));
            if (record.subsidy().fen() <= 0) {
                continue;
            }
            CorrectionResult corrected = corrections.withdrawSubsidy(record, reason, left.actor());
            if (corrected.failed()) {
                continue;
            }
            withdrawnFen += record.subsidy().fen();
            withdrawnOn.add(record.date());
            if (corrected.replacement() == null) {
                voidedOnly++;
            } else {
                flags.add(new MealRecordMapper.RecordFlag(corrected.replacement().id(), code, detail, record.id()));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!flags.isEmpty()) {
            mapper.insertFlagsIfAbsent(flags, now);
            rollups.changed(after.stream().map(record -> new SiteDay(record.siteId(), record.date())).toList());
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("status", left.status());
        what.put("effectiveOn", left.effectiveOn());
        what.put("mealsFlagged", after.size());
        what.put("subsidiesWithdrawn", withdrawnOn.size());
        what.put("withdrawnSubsidy", Money.ofFen(withdrawnFen).toString());
        what.put("voidedWithoutReplacement", voidedOnly);
        audit.record("MEALS_AFTER_DEPARTURE_CORRECTED", "Diner", left.dinerId(), null, what);
        if (!withdrawnOn.isEmpty()) {
            notices.send(List.of(new NoticeService.Draft(left.dinerId(), NoticeKind.SUBSIDY_WITHDRAWN, "助餐补贴已撤回",
                    (death ? "老人登记为于 " + left.effectiveOn() + " 去世" : "老人登记为于 " + left.effectiveOn() + " 迁出") + "，此后记录的 "
                            + withdrawnOn.size() + " 餐（" + withdrawnOn.get(0) + (withdrawnOn.size() > 1 ? " 至 " + withdrawnOn.get(withdrawnOn.size() - 1) : "")
                            + "）的补贴共 " + Money.ofFen(withdrawnFen) + " 元已撤回，按原价结算。如登记有误，请联系街道或民政部门更正。")),
                    left.actor());
        }
    }
}
