/**
 * Intake (名册导入, 状态导入): rosters of diners and feeds of deaths and moves-out, uploaded as CSV or XLSX and run
 * as jobs: a dry run that checks every row and reports the rows in error, then a commit that registers, updates or
 * changes the status of diners through the diner feature's services. Its allowed dependencies are checked by
 * ModularityTests.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"common", "network", "diner", "security"})
package org.zhucan.intake;

import org.springframework.modulith.ApplicationModule;
