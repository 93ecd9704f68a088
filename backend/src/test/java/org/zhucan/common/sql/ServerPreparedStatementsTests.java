package org.zhucan.common.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements are prepared on the server: those whose id names a mapper method marked {@link ServerPrepared}. */
class ServerPreparedStatementsTests {

    @Test
    void shouldKnowAMarkedMapperMethodByItsStatementId() {
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.DinerMapper.findQuoteFactsOfOne")).isTrue();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.serving.MealRecordMapper.claimUsageOf")).isTrue();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.DinerMapper.findQuoteFactsOn")).isFalse();
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.diner.NoSuchMapper.findQuoteFactsOfOne")).isFalse();
        assertThat(ServerPreparedStatements.namesMarkedMethod("noDots")).isFalse();
        // the selectKey statements MyBatis adds are named after their statement with a suffix
        assertThat(ServerPreparedStatements.namesMarkedMethod("org.zhucan.serving.MealRecordMapper.insertRecord!selectKey")).isFalse();
    }
}
