package org.zhucan.common.sql;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.springframework.stereotype.Component;

/**
 * Prepares the statements of {@link ServerPrepared} mapper methods on the server. The pool's connections send every
 * statement as text ({@code useServerPrepStmts=false}: most of the application's statements are dynamic, and whole
 * batches of server-prepared inserts outgrow the packet limit); for a marked statement this turns the connection's
 * {@code useServerPrepStmts} on (a setting Connector/J lets change at run time) just while MyBatis asks the connection
 * for the statement, so the driver takes it from its cache of server statements ({@code cachePrepStmts}) or prepares
 * it there, and puts it back when MyBatis closes it. A connection belongs to one thread at a time, so the setting is
 * the statement's own. A database that cannot prepare it gets it as text (the driver's {@code emulateUnsupportedPstmts}).
 */
@Component
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public class ServerPreparedStatements implements Interceptor {

    private static final VarHandle ROUTED = field(RoutingStatementHandler.class, "delegate", StatementHandler.class);
    private static final VarHandle MAPPED_STATEMENT = field(BaseStatementHandler.class, "mappedStatement", MappedStatement.class);

    private final Map<String, Boolean> marked = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        if (!isMarked(mappedStatementOf(invocation.getTarget()))) {
            return invocation.proceed();
        }
        Connection connection = (Connection) invocation.getArgs()[0];
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
     * The statement MyBatis is preparing, read from the handler's fields: MyBatis's MetaObject, which reads them by name,
     * looked up its reflection data on every statement (7 % of a counter request's CPU, JFR 2026-12-05).
     */
    private static MappedStatement mappedStatementOf(Object handler) {
        Object target = handler instanceof RoutingStatementHandler routing ? ROUTED.get(routing) : handler;
        return (MappedStatement) MAPPED_STATEMENT.get(target);
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MyBatis's " + owner.getSimpleName() + " has no field " + name + " of " + type.getSimpleName(), e);
        }
    }

    /** Whether the statement's id names a mapper method marked {@link ServerPrepared}, found once per statement. */
    private boolean isMarked(MappedStatement statement) {
        return marked.computeIfAbsent(statement.getId(), ServerPreparedStatements::namesMarkedMethod);
    }

    static boolean namesMarkedMethod(String statementId) {
        int dot = statementId.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            Class<?> mapper = Class.forName(statementId.substring(0, dot), false, ServerPreparedStatements.class.getClassLoader());
            String method = statementId.substring(dot + 1);
            return Arrays.stream(mapper.getMethods()).filter(m -> m.getName().equals(method)).anyMatch(ServerPreparedStatements::marked);
        } catch (ClassNotFoundException notAMapperInterface) {
            return false;
        }
    }

    private static boolean marked(Method method) {
        return method.isAnnotationPresent(ServerPrepared.class);
    }
}
