package org.zhucan.notice;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhucan.diner.DinerDeathCorrected;

/** Tells the family when a recorded death is corrected as an error, in the correction's transaction. */
@Component
class DeathCorrectionNotices {

    private final NoticeService notices;

    DeathCorrectionNotices(NoticeService notices) {
        this.notices = notices;
    }

    @EventListener
    void on(DinerDeathCorrected corrected) {
        notices.send(List.of(new NoticeService.Draft(corrected.dinerId(), NoticeKind.STATUS_CORRECTED, "登记更正",
                "此前登记的去世信息有误，已更正：自 " + corrected.effectiveOn() + " 起恢复正常助餐。原因：" + corrected.reason()
                        + "。此前取消的订餐和终止的长期订餐不会自动恢复，如需用餐请重新预订。")), corrected.actor());
    }
}
