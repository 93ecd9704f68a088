package org.zhucan.serving;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The usage claim against the real database: a row that is there adds the claim to what it holds; a row that is
 * missing starts from the standing usage the claim carries (which the writer read with the month rows taken), and
 * the limits hold either way, the statement refused whole when one row would pass its limit.
 */
class UsageClaimStatementTests extends ApiTest {

    /** A day and month of 2001: no record of any test falls there. */
    private static final LocalDate DAY = LocalDate.of(2001, 3, 7);
    private static final LocalDate MONTH = DAY.withDayOfMonth(1);

    @Autowired
    MealRecordMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long diner;

    @BeforeEach
    void diner() {
        diner = jdbc.queryForObject("SELECT MIN(id) FROM diner", Long.class);
        jdbc.update("DELETE FROM diner_subsidy_usage WHERE diner_id = ? AND period_start IN (?, ?)", diner, DAY, MONTH);
    }

    @Test
    void shouldStartMissingRowsFromTheStandingUsageTheClaimCarries() {
        claim(MealRecordMapper.UsageClaim.day(diner, DAY, 1, 3, 2), MealRecordMapper.UsageClaim.month(diner, MONTH, 500, 2000L, 1200));
        assertThat(day()).as("two standing meals and this one").isEqualTo(3);
        assertThat(month()).as("12.00 standing and this 5.00").isEqualTo(1700);
    }

    @Test
    void shouldAddToRowsThatAreThereWhateverTheClaimSaysStood() {
        jdbc.update("INSERT INTO diner_subsidy_usage (diner_id, period, period_start, meals) VALUES (?, 'D', ?, 1)", diner, DAY);
        jdbc.update("INSERT INTO diner_subsidy_usage (diner_id, period, period_start, subsidy_fen) VALUES (?, 'M', ?, 300)", diner, MONTH);
        claim(MealRecordMapper.UsageClaim.day(diner, DAY, 1, 3, 2), MealRecordMapper.UsageClaim.month(diner, MONTH, 500, 2000L, 1200));
        assertThat(day()).isEqualTo(2);
        assertThat(month()).isEqualTo(800);
    }

    @Test
    void shouldRefuseTheWholeClaimWhenTheStandingMealsOfAMissingDayReachTheLimit() {
        assertThatThrownBy(() -> claim(MealRecordMapper.UsageClaim.day(diner, DAY, 1, 3, 3),
                MealRecordMapper.UsageClaim.month(diner, MONTH, 500, 2000L, 0)))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ck_diner_subsidy_usage_meals");
        assertThat(rows()).as("nothing claimed, the month's row included").isZero();
    }

    @Test
    void shouldRefuseAClaimThatTheStandingSubsidyOfAMissingMonthPutsOverTheCap() {
        assertThatThrownBy(() -> claim(MealRecordMapper.UsageClaim.day(diner, DAY, 1, 3, 0),
                MealRecordMapper.UsageClaim.month(diner, MONTH, 500, 2000L, 1600)))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ck_diner_subsidy_usage_amount");
        assertThat(rows()).isZero();
        claim(MealRecordMapper.UsageClaim.day(diner, DAY, 1, 3, 0), MealRecordMapper.UsageClaim.month(diner, MONTH, 400, 2000L, 1600));
        assertThat(month()).as("exactly the cap").isEqualTo(2000);
    }

    /** The claim in a READ COMMITTED transaction of its own, as the writer makes it. */
    private void claim(MealRecordMapper.UsageClaim... claims) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        transaction.executeWithoutResult(status -> mapper.claimUsageOf(JsonRows.usageClaims(List.of(claims))));
    }

    private Integer day() {
        return jdbc.queryForObject("SELECT meals FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'D' AND period_start = ?", Integer.class,
                diner, DAY);
    }

    private Long month() {
        return jdbc.queryForObject("SELECT subsidy_fen FROM diner_subsidy_usage WHERE diner_id = ? AND period = 'M' AND period_start = ?", Long.class,
                diner, MONTH);
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM diner_subsidy_usage WHERE diner_id = ? AND period_start IN (?, ?)", Integer.class, diner,
                DAY, MONTH);
    }
}
