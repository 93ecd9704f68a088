package org.zhucan.rectification;

import java.time.YearMonth;

/** What openRectificationCases takes: a district and a month already closed. */
public record OpenRectificationCasesInput(Long districtId, YearMonth month) {
}
