package org.zhucan.common.sql;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writing pool as the application's DataSource is wrapped: the main pool's connection settings at READ COMMITTED with
 * autocommit off, sized by {@code zhucan.db.write-pool-size}, and closed when Spring closes the main pool (a closed
 * application, a second instance a test stopped, must not keep its writing connections open).
 */
class WritingPoolSetupTests {

    @Test
    void shouldMakeTheWritingPoolFromTheMainOneAndCloseItWithIt() {
        HikariDataSource main = new HikariDataSource();
        main.setPoolName("main-under-test");
        main.setJdbcUrl("jdbc:mysql://127.0.0.1:3306/never_connected");
        main.setUsername("someone");
        main.setConnectionInitSql("SET time_zone = '+00:00'");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("counter", new SqlStatementCounter());
        DestructionAwareBeanPostProcessor wrapper = SqlStatementCounting.countingDataSourceWrapper(beans.getBeanProvider(SqlStatementCounter.class),
                new MockEnvironment().withProperty("zhucan.db.write-pool-size", "3"));

        TransactionPools pools = (TransactionPools) wrapper.postProcessAfterInitialization(main, "dataSource");
        HikariDataSource writing = pools.writingPool();

        assertThat(writing.getPoolName()).isEqualTo("main-under-test-write");
        // the main pool's URL, many statements a text allowed (RoundTrips); the main pool's own keeps one
        assertThat(writing.getJdbcUrl()).isEqualTo(main.getJdbcUrl() + "?allowMultiQueries=true");
        assertThat(main.getDataSourceProperties()).doesNotContainKey("allowMultiQueries");
        assertThat(writing.getUsername()).isEqualTo("someone");
        assertThat(writing.getConnectionInitSql()).isEqualTo("SET time_zone = '+00:00'");
        assertThat(writing.getDataSourceProperties()).containsKey("queryInterceptors");
        assertThat(writing.isAutoCommit()).isFalse();
        assertThat(writing.getTransactionIsolation()).isEqualTo("TRANSACTION_READ_COMMITTED");
        assertThat(writing.getMaximumPoolSize()).isEqualTo(3);
        assertThat(writing.getMinimumIdle()).isEqualTo(3);
        assertThat(main.isAutoCommit()).as("the main pool as it was").isTrue();
        assertThat(main.getTransactionIsolation()).isNull();

        assertThat(wrapper.requiresDestruction(main)).isTrue();
        assertThat(writing.isClosed()).isFalse();
        wrapper.postProcessBeforeDestruction(main, "dataSource");
        assertThat(writing.isClosed()).isTrue();
    }
}
