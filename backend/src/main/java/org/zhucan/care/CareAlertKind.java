package org.zhucan.care;

/** Why a care alert was raised. */
public enum CareAlertKind {
    /** The courier saw something worrying at the door (送餐发现异常). */
    WELLNESS_CONCERN,
    /** Nobody answered the courier (无人应答). */
    NO_ANSWER,
    /** A diner who usually eats has had no meal and no booking for days (连续未就餐). */
    STOPPED_EATING,
    /** A recurring booking's meals of the last two days were served at no site (长期订餐连续两日未就餐). */
    RECURRING_NOT_SERVED
}
