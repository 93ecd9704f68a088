package org.zhucan.common.sql;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Component;

/**
 * Prepares the statements of {@link ServerPrepared} mapper methods on the server. The pool's connections send every
 * statement as text ({@link TextStatementsByDefault}: most of the application's statements are dynamic, and whole
 * batches of server-prepared inserts outgrow the packet limit); for a marked statement this turns the connection's
 * {@code useServerPrepStmts} on (a setting Connector/J lets change at run time) while MyBatis runs it, so the driver
 * takes it from its cache of server statements ({@code cachePrepStmts}) or prepares it there, and puts it back there
 * when MyBatis closes it. A connection belongs to one thread at a time, so the setting is the statement's own. A
 * database that cannot prepare it gets it as text (the driver's {@code emulateUnsupportedPstmts}).
 *
 * <p>It intercepts MyBatis's executor, which is wrapped once a session, and is handed the statement: a plugin on the
 * statement handler is wrapped in a proxy for every statement run and has to dig the statement out of it (together
 * about 2 % of a counter request's CPU, JFR 2026-12-05).
 */
@Component
@Intercepts({
        @Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
public class ServerPreparedStatements implements Interceptor {

    private final Map<String, Boolean> marked = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
        if (!marked.computeIfAbsent(statement.getId(), ServerPreparedStatements::namesMarkedMethod)) {
            return invocation.proceed();
        }
        Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return invocation.proceed();
        }
        RuntimeProperty<Boolean> serverPrepared = connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.useServerPrepStmts);
        boolean before = serverPrepared.getValue();
        serverPrepared.setValue(true);
        try {
            return invocation.proceed();
        } finally {
            serverPrepared.setValue(before);
        }
    }

    /**
     * Only the executor is wrapped. MyBatis offers every statement's parameter, result set and statement handlers to each
     * plugin, and the default {@link Interceptor#plugin} reads this class's annotations and the handler's interfaces each
     * time to find nothing to intercept there (about 2 % of the serving benchmark's request threads, JFR 2026-12-05).
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    /** Whether the statement id names a mapper method marked {@link ServerPrepared}. */
    static boolean namesMarkedMethod(String statementId) {
        int dot = statementId.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            Class<?> mapper = Class.forName(statementId.substring(0, dot), false, ServerPreparedStatements.class.getClassLoader());
            String method = statementId.substring(dot + 1);
            return Arrays.stream(mapper.getMethods()).anyMatch(m -> m.getName().equals(method) && m.isAnnotationPresent(ServerPrepared.class));
        } catch (ClassNotFoundException notAMapperInterface) {
            return false;
        }
    }
}
