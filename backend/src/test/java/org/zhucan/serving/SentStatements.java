package org.zhucan.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Records the text of every statement the driver sends while recording is on, its own SET, COMMIT,
 * ROLLBACK and SAVEPOINT included: what MariaDB counts as Questions, with the SQL to say which
 * they were.
 */
public class SentStatements implements QueryInterceptor {

    private static final ConcurrentLinkedQueue<String> SENT = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    /** The statements sent while {@code request} ran, whitespace folded. */
    static List<String> during(Runnable request) {
        SENT.clear();
        recording = true;
        try {
            request.run();
        } finally {
            recording = false;
        }
        return new ArrayList<>(SENT);
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        if (recording) {
            SENT.add(String.valueOf(sql.get()).replaceAll("\\s+", " ").strip());
        }
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return false;
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T originalResultSet, ServerSession serverSession) {
        return null;
    }
}
