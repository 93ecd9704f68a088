package org.zhucan.diner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter's read of a diner's facts ({@code @ServerPrepared}) is prepared on the server once per connection and then
 * only executed, while other statements still go as text and the connection is left sending text (its
 * {@code useServerPrepStmts} off): MariaDB's own counters of the session, read on the same connection in one transaction.
 */
class QuoteFactsServerPreparedTests extends ApiTest {

    @Autowired
    DinerMapper mapper;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldPrepareTheFactsReadOnceAConnectionAndSendTheRestAsText() {
        long diner = jdbc.queryForObject("SELECT MIN(id) FROM diner", Long.class);
        LocalDate date = LocalDate.of(2026, 3, 2);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            mapper.findQuoteFactsOfOne(diner, date);
            Map<String, Long> before = statementCounters();
            for (int i = 0; i < 3; i++) {
                // another date each time: MyBatis answers a repeated statement of one transaction from its own cache
                assertThat(mapper.findQuoteFactsOfOne(diner, date.plusDays(1 + i))).isNotNull();
            }
            Map<String, Long> afterMarked = statementCounters();
            assertThat(afterMarked.get("Com_stmt_execute") - before.get("Com_stmt_execute")).as("executions of the prepared read").isEqualTo(3);
            assertThat(afterMarked.get("Com_stmt_prepare") - before.get("Com_stmt_prepare")).as("prepared again").isZero();

            // many diners' facts: one text whatever their number, prepared once and then executed
            List<Long> some = jdbc.queryForList("SELECT id FROM diner ORDER BY id LIMIT 4", Long.class);
            assertThat(mapper.findQuoteFactsOfAll(some.subList(0, 2), date)).hasSize(2);
            Map<String, Long> beforeMany = statementCounters();
            assertThat(mapper.findQuoteFactsOfAll(some.subList(0, 3), date)).hasSize(3);
            assertThat(mapper.findQuoteFactsOfAll(some, date)).hasSize(4);
            Map<String, Long> afterMany = statementCounters();
            assertThat(afterMany.get("Com_stmt_execute") - beforeMany.get("Com_stmt_execute")).as("executions of the prepared read of many").isEqualTo(2);
            assertThat(afterMany.get("Com_stmt_prepare") - beforeMany.get("Com_stmt_prepare")).as("prepared again for another number").isZero();
            afterMarked = afterMany;

            assertThat(mapper.findById(diner, CallerScope.ALL)).isNotNull();
            Map<String, Long> afterPlain = statementCounters();
            assertThat(afterPlain.get("Com_stmt_execute")).as("a statement not marked is sent as text").isEqualTo(afterMarked.get("Com_stmt_execute"));
            assertThat(afterPlain.get("Com_stmt_prepare")).isEqualTo(afterMarked.get("Com_stmt_prepare"));
            assertThat(jdbc.execute((ConnectionCallback<Boolean>) connection -> serverPrepares(connection))).isFalse();
        });
    }

    private Map<String, Long> statementCounters() {
        Map<String, Long> counters = new HashMap<>();
        jdbc.query("SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_execute', 'Com_stmt_prepare')",
                (RowCallbackHandler) row -> counters.put(row.getString(1), row.getLong(2)));
        return counters;
    }

    private static boolean serverPrepares(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.useServerPrepStmts).getValue();
    }
}
