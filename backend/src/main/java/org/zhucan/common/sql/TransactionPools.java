package org.zhucan.common.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's one DataSource: a connection taken only when a statement needs one (as Spring's
 * {@code LazyConnectionDataSourceProxy} does), from one of two pools chosen by the transaction it serves.
 *
 * <p>The counter's, the bookings' and the payments' writes run in READ COMMITTED transactions. From a pool whose
 * connections are in autocommit at the server's REPEATABLE READ, each of them cost four round trips besides its own
 * statements and its COMMIT: {@code SET autocommit=0} and the isolation before, both put back after (a warm
 * {@code bookMeal} sent 11 round trips for 6 statements). Those transactions take their connection from a second pool,
 * the writing pool, whose connections are always READ COMMITTED and never in autocommit: the settings a transaction
 * asks for are already there, and the connection goes back as the next one wants it, so nothing is sent but the
 * statements and the COMMIT. Every other use (reads without a transaction, read-only and REPEATABLE READ transactions)
 * takes its connection from the main pool, with its settings applied as before.
 *
 * <p>A writing connection keeps its settings for its pool: what its transaction sets or puts back is only remembered,
 * and putting autocommit back commits what is open, as MySQL does when autocommit is turned on (the driver sends
 * nothing when no transaction is open, {@code useLocalTransactionState}).
 */
final class TransactionPools extends DelegatingDataSource {

    private final HikariDataSource main;
    private final HikariDataSource writing;
    private volatile Boolean mainAutoCommit;
    private volatile Integer mainIsolation;

    TransactionPools(HikariDataSource main, HikariDataSource writing) {
        super(main);
        this.main = main;
        this.writing = writing;
    }

    /**
     * The writing pool: the main pool's connections (driver, URL, properties, start-up SQL) at READ COMMITTED, autocommit
     * off, many statements allowed in one text; fixed at {@code size}, as the main pool is.
     */
    static HikariDataSource writingPoolOf(HikariDataSource main, int size) {
        // a pool of its own, started by its first connection as the main pool is
        HikariDataSource writing = new HikariDataSource();
        main.copyStateTo(writing);
        writing.setPoolName(main.getPoolName() + "-write");
        // a writing transaction sends the writes it needs nothing back from in one text (RoundTrips); the main pool's
        // connections keep one statement a text. In the URL: the data source properties are one object with the main
        // pool's (copyStateTo copies the reference)
        if (main.getJdbcUrl() != null) {
            writing.setJdbcUrl(main.getJdbcUrl() + (main.getJdbcUrl().contains("?") ? "&" : "?") + "allowMultiQueries=true");
        }
        writing.setAutoCommit(false);
        writing.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        writing.setMaximumPoolSize(size);
        writing.setMinimumIdle(size);
        return writing;
    }

    HikariDataSource writingPool() {
        return writing;
    }

    @Override
    public Connection getConnection() throws SQLException {
        knowMainDefaults();
        return (Connection) Proxy.newProxyInstance(ConnectionProxy.class.getClassLoader(), new Class<?>[] {ConnectionProxy.class},
                new LazyConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the application's pools connect as the configured user only");
    }

    /** What a main connection is in when nobody changed it: a lazy connection answers with it before it has one. */
    private void knowMainDefaults() throws SQLException {
        if (mainAutoCommit == null || mainIsolation == null) {
            try (Connection connection = main.getConnection()) {
                mainIsolation = connection.getTransactionIsolation();
                mainAutoCommit = connection.getAutoCommit();
            }
        }
    }

    /** A connection's handle: the transaction's settings are remembered until a statement needs a connection. */
    private final class LazyConnection implements InvocationHandler {

        private boolean autoCommit = mainAutoCommit;
        private int isolation = mainIsolation;
        private boolean readOnly;
        private boolean closed;
        private Connection target;
        private boolean targetWrites;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "getTargetConnection":
                    return target();
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    break;
                case "isWrapperFor":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
            if (target == null || targetWrites) {
                Object answer = settingsAnswer(method, args);
                if (answer != NOT_A_SETTING) {
                    return answer;
                }
            }
            if (target == null) {
                Object answer = withoutConnection(method);
                if (answer != NEEDS_CONNECTION) {
                    return answer;
                }
            }
            try {
                return method.invoke(target(), args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
        }

        /** The settings, remembered (before a connection is taken, or for a writing connection, which keeps its own). */
        private Object settingsAnswer(Method method, Object[] args) throws SQLException {
            switch (method.getName()) {
                case "getAutoCommit":
                    return autoCommit;
                case "setAutoCommit":
                    boolean on = (Boolean) args[0];
                    if (on && !autoCommit && target != null) {
                        // turning autocommit on commits what is open; the driver sends nothing when nothing is
                        target.commit();
                    }
                    autoCommit = on;
                    return null;
                case "getTransactionIsolation":
                    return isolation;
                case "setTransactionIsolation":
                    isolation = (Integer) args[0];
                    return null;
                case "isReadOnly":
                    return readOnly;
                case "setReadOnly":
                    readOnly = (Boolean) args[0];
                    return null;
                default:
                    return NOT_A_SETTING;
            }
        }

        /** The calls a handle answers without a connection. */
        private Object withoutConnection(Method method) throws SQLException {
            switch (method.getName()) {
                case "toString":
                    return "lazy connection of " + main.getPoolName();
                case "commit", "rollback", "getWarnings", "clearWarnings":
                    // no statement was sent: nothing to end, nothing to warn about
                    return null;
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                default:
                    if (closed) {
                        throw new SQLException("Illegal operation: connection is closed");
                    }
                    return NEEDS_CONNECTION;
            }
        }

        /** The connection, taken now if not yet: a writing transaction's from the writing pool, anything else's from the main pool. */
        private Connection target() throws SQLException {
            if (target != null) {
                return target;
            }
            if (!autoCommit && isolation == Connection.TRANSACTION_READ_COMMITTED && !readOnly) {
                target = writing.getConnection();
                targetWrites = true;
                return target;
            }
            Connection taken = main.getConnection();
            try {
                if (readOnly) {
                    taken.setReadOnly(true);
                }
                if (isolation != mainIsolation) {
                    taken.setTransactionIsolation(isolation);
                }
                if (autoCommit != mainAutoCommit) {
                    taken.setAutoCommit(autoCommit);
                }
            } catch (SQLException | RuntimeException failed) {
                taken.close();
                throw failed;
            }
            target = taken;
            return target;
        }
    }

    private static final Object NOT_A_SETTING = new Object();
    private static final Object NEEDS_CONNECTION = new Object();
}
