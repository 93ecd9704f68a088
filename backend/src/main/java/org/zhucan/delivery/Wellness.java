package org.zhucan.delivery;

/** What the courier saw at the door (健康观察). */
public enum Wellness {
    NORMAL,
    CONCERN,
    NO_ANSWER
}
