package org.zhucan.common.sql;

import java.lang.reflect.Proxy;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.SimpleExecutor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements are prepared on the server: those whose id names a mapper method marked {@link ServerPrepared}. */
class ServerPreparedStatementsTests {

    @Test
    void shouldKnowAMarkedMapperMethodByItsStatementId() {
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.DinerMapper.findQuoteFactsOfOne")).isTrue();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.serving.MealRecordMapper.insertSharesOf")).isTrue();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.DinerMapper.findQuoteFactsOn")).isFalse();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.NoSuchMapper.findQuoteFactsOfOne")).isFalse();
        assertThat(ServerPreparedStatements.namesMarkedMethod("noDots")).isFalse();
        // the selectKey statements MyBatis adds are named after their statement with a suffix
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.serving.MealRecordMapper.insertRecord!selectKey")).isFalse();
    }

    @Test
    void shouldWrapTheExecutorAloneAndLeaveEveryStatementsHandlersAsTheyAre() {
        ServerPreparedStatements plugin = new ServerPreparedStatements();
        Configuration configuration = new Configuration();
        Executor executor = new SimpleExecutor(configuration, null);
        StatementHandler handler = (StatementHandler) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StatementHandler.class},
                (proxy, method, arguments) -> null);

        Object wrapped = plugin.plugin(executor);

        assertThat(wrapped).isNotSameAs(executor).isInstanceOf(Executor.class);
        assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
        assertThat(plugin.plugin(handler)).isSameAs(handler);
        assertThat(plugin.plugin("a parameter object")).isEqualTo("a parameter object");
    }
}
