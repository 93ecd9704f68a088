package org.zhucan.settlement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.zhucan.testsupport.DistrictWorld.today;

/**
 * The base of the settlement API tests: a district of their own ({@link DistrictWorld}), this month
 * as the period, and the application's clock stopped at 12:30 today (put back after each test).
 */
abstract class DistrictSettlementTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    DistrictWorld world;
    SettlementStatements statements;
    LocalDate periodStart;
    LocalDate periodEnd;

    @BeforeEach
    void world() {
        logInDemoAccounts();
        world = new DistrictWorld(this::as, jdbc);
        statements = new SettlementStatements(this::as, world, statementDocument());
        periodStart = today().withDayOfMonth(1);
        periodEnd = today().with(TemporalAdjusters.lastDayOfMonth());
        stopAt(today(), LocalTime.of(12, 30));
    }

    /** The named document whose operations generate and read the statements (see {@link SettlementStatements}). */
    String statementDocument() {
        return "settlementLifecycle";
    }

    void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }
}
