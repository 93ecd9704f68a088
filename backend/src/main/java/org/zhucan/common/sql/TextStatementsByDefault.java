package org.zhucan.common.sql;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Properties;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.interceptors.ConnectionLifecycleInterceptor;
import com.mysql.cj.log.Log;

/**
 * Connector/J's connection lifecycle interceptor ({@code connectionLifecycleInterceptors}) that leaves a new connection
 * sending its statements as text. The connection is opened with {@code useServerPrepStmts=true} only so that the driver
 * builds its cache of server statements, which it builds at that moment or never; once connected, the setting is turned
 * off, and {@link ServerPreparedStatements} turns it on for the statements marked {@link ServerPrepared} alone.
 */
public final class TextStatementsByDefault implements ConnectionLifecycleInterceptor {

    @Override
    public ConnectionLifecycleInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        connection.getPropertySet().getBooleanProperty(PropertyKey.useServerPrepStmts).setValue(false);
        return this;
    }

    @Override
    public void destroy() {
    }

    @Override
    public void close() throws SQLException {
    }

    @Override
    public boolean commit() throws SQLException {
        return true;
    }

    @Override
    public boolean rollback() throws SQLException {
        return true;
    }

    @Override
    public boolean rollback(Savepoint savepoint) throws SQLException {
        return true;
    }

    @Override
    public boolean setAutoCommit(boolean flag) throws SQLException {
        return true;
    }

    @Override
    public boolean setDatabase(String database) throws SQLException {
        return true;
    }

    @Override
    public boolean transactionBegun() {
        return true;
    }

    @Override
    public boolean transactionCompleted() {
        return true;
    }
}
