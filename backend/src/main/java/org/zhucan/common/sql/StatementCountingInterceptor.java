package org.zhucan.common.sql;

import java.util.Properties;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Counts, inside the driver, the statements the application sends on a connection. It replaced a proxy around every
 * connection and statement, which went through reflection on each call, parameters included (about 5 % of a
 * {@code logMeal} request thread's CPU). Transaction control is not counted: the driver sends {@code SET autocommit},
 * {@code COMMIT} and the isolation level for no statement of its own ({@code query} null), and savepoints and the pool's
 * {@code SET} at connect as plain statements, told apart by their text. A batch the driver rewrites into one
 * multi-row statement counts once, as it is sent once, and so does a round trip of several writes ({@link RoundTrips}).
 */
public final class StatementCountingInterceptor implements QueryInterceptor {

    private SqlStatementCounter counter;

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        counter = SqlStatementCounter.named(properties.getProperty(SqlStatementCounter.CONNECTION_PROPERTY));
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        if (query != null && (query instanceof PreparedQuery || !isTransactionControl(sql.get()))) {
            counter.sent();
        }
        return null;
    }

    /** A plain statement's text (a prepared one's would be built with its values to be read, so it is not asked). */
    static boolean isTransactionControl(String sql) {
        String text = sql.stripLeading();
        return startsWithWord(text, "SET") || startsWithWord(text, "SAVEPOINT") || startsWithWord(text, "RELEASE")
                || startsWithWord(text, "ROLLBACK") || startsWithWord(text, "COMMIT");
    }

    private static boolean startsWithWord(String text, String word) {
        return text.regionMatches(true, 0, word, 0, word.length()) && (text.length() == word.length()
                || !Character.isLetterOrDigit(text.charAt(word.length())) && text.charAt(word.length()) != '_');
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T originalResultSet, ServerSession serverSession) {
        return null;
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
