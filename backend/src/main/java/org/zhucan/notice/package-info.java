/**
 * Notices to a diner's family accounts (家属通知): what happened to the diner's bookings and meals, for the
 * family to read in the mini-program. Other features send them through NoticeService; a DINER account reads
 * the notices of the diners it acts for and marks them read.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Notices", allowedDependencies = {"common", "diner", "security"})
package org.zhucan.notice;

import org.springframework.modulith.ApplicationModule;
