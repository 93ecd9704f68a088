package org.zhucan.satisfaction;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

/**
 * The base of the rating API tests: a district of their own ({@link SatisfactionWorld}), today as
 * the day meals are served, and the application's clock stopped at 12:30 that day (put back after
 * each test).
 */
abstract class SatisfactionDayTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    SatisfactionWorld world;
    LocalDate day;

    @BeforeEach
    void world() {
        logInDemoAccounts();
        world = new SatisfactionWorld(this::as, jdbc);
        day = DistrictWorld.today();
        stopAt(day, LocalTime.of(12, 30));
    }

    void stopAt(LocalDate date, LocalTime time) {
        clock.stopAt(ZonedDateTime.of(date, time, BusinessTime.ZONE).toInstant());
    }
}
