package org.zhucan.common.sql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.sql.DataSource;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import org.apache.ibatis.executor.keygen.NoKeyGenerator;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of several modules sent to the database in one round trip. Inside one transaction, a writer that holds rows
 * other writers wait for (the counter's one writer, {@code serving.CounterMealBatches}) pays for every statement it
 * sends with a wait for the database's answer, which on a busy machine is 2-4 times the statement's own work: the
 * database's thread and then the writer's have to be scheduled again. Statements that need nothing back from each
 * other (a batch's claims, items, shares, bookings marked and payments) go together, as one multi-statement text, on a
 * connection that allows it ({@code allowMultiQueries}, the writing pool's: {@link TransactionPools}); on any other they
 * go one by one, in the order added, with the same outcome.
 *
 * <p>Each statement is a MyBatis mapped statement of the module that owns it, bound with its own parameter handler, so
 * a module adds its own statement and learns its row count ({@link Part#rows}) without another module seeing its SQL.
 * A statement the database refuses fails the whole trip with Spring's exception for it (a duplicate key, a deadlock),
 * as a mapper call would; the server runs none of the statements after it (RoundTripsTests), and those before it stay
 * in the transaction for its rollback. Only inserts, updates and deletes go this way: a trip answers
 * row counts, never rows.
 */
@Component
public class RoundTrips {

    /** Between the statements of one text: no value carries it, as the driver sends a line break in a value escaped. */
    public static final String SEPARATOR = ";\n";

    private final Configuration configuration;
    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    RoundTrips(SqlSessionFactory sessions) {
        this.configuration = sessions.getConfiguration();
        this.dataSource = configuration.getEnvironment().getDataSource();
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** A trip to fill, then {@link Trip#send send}, in the caller's transaction. */
    public Trip start() {
        return new Trip();
    }

    /** Statements to send together, in the order added. */
    public final class Trip {

        private final List<Part> parts = new ArrayList<>();
        private boolean sent;

        private Trip() {
        }

        /**
         * Adds a write: the mapped statement of the mapper's method (its parameter as MyBatis would pass it: the one
         * argument, or a map of its {@code @Param} names), to be accepted when its row count is as {@code accepted} says.
         */
        public Part add(Class<?> mapper, String method, Object parameter, IntPredicate accepted) {
            if (sent) {
                throw new IllegalStateException("a trip already sent takes no more statements");
            }
            MappedStatement statement = configuration.getMappedStatement(mapper.getName() + "." + method);
            if (statement.getSqlCommandType() == SqlCommandType.SELECT || statement.getSqlCommandType() == SqlCommandType.UNKNOWN) {
                throw new IllegalArgumentException(statement.getId() + " is no write: a trip answers row counts only");
            }
            if (!(statement.getKeyGenerator() instanceof NoKeyGenerator)) {
                throw new IllegalArgumentException(statement.getId() + " generates keys: a trip answers row counts only");
            }
            Part part = new Part(statement, parameter, accepted);
            parts.add(part);
            return part;
        }

        /** {@link #add} of a write whatever its row count. */
        public Part add(Class<?> mapper, String method, Object parameter) {
            return add(mapper, method, parameter, rows -> true);
        }

        /**
         * Sends what was added, in one round trip where the connection allows it, and learns each row count. Throws the
         * first refusal; a row count not accepted is no refusal here: its part says so.
         */
        public void send() {
            if (sent) {
                throw new IllegalStateException("a trip is sent once");
            }
            sent = true;
            if (parts.isEmpty()) {
                return;
            }
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                // outside a transaction each statement would commit on its own, and a refusal leave the others written
                throw new IllegalStateException("a round trip of writes is sent inside the caller's transaction");
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            List<BoundSql> bound = parts.stream().map(part -> part.statement.getBoundSql(part.parameter)).toList();
            String text = null;
            try {
                if (parts.size() > 1 && allowsMultipleStatements(connection)) {
                    text = String.join(SEPARATOR, bound.stream().map(BoundSql::getSql).toList());
                    sendTogether(connection, text, bound);
                } else {
                    for (int k = 0; k < parts.size(); k++) {
                        text = bound.get(k).getSql();
                        sendAlone(connection, parts.get(k), bound.get(k));
                    }
                }
            } catch (SQLException refused) {
                String task = "round trip of " + parts.size() + " writes";
                DataAccessException translated = translator.translate(task, text, refused);
                throw translated != null ? translated : new UncategorizedSQLException(task, text, refused);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        private void sendTogether(Connection connection, String text, List<BoundSql> bound) throws SQLException {
            try (PreparedStatement together = connection.prepareStatement(text)) {
                timeOut(together);
                int offset = 0;
                for (int k = 0; k < parts.size(); k++) {
                    Part part = parts.get(k);
                    configuration.newParameterHandler(part.statement, part.parameter, bound.get(k)).setParameters(shifted(together, offset));
                    offset += bound.get(k).getParameterMappings().size();
                }
                together.execute();
                for (int k = 0; k < parts.size(); k++) {
                    if (k > 0 && together.getMoreResults()) {
                        throw new IllegalStateException(parts.get(k).statement.getId() + " answered rows in a round trip of writes");
                    }
                    parts.get(k).rows = together.getUpdateCount();
                }
            }
        }

        private void sendAlone(Connection connection, Part part, BoundSql bound) throws SQLException {
            try (PreparedStatement alone = connection.prepareStatement(bound.getSql())) {
                timeOut(alone);
                configuration.newParameterHandler(part.statement, part.parameter, bound).setParameters(alone);
                part.rows = alone.executeUpdate();
            }
        }

        /** The timeout every statement has (MyBatis's default, 30 s), or the transaction's if it ends sooner. */
        private void timeOut(PreparedStatement statement) throws SQLException {
            Integer seconds = configuration.getDefaultStatementTimeout();
            DataSourceUtils.applyTimeout(statement, dataSource, seconds == null ? 0 : seconds);
        }
    }

    /** Whether the connection takes many statements in one text: the writing pool's do. */
    private static boolean allowsMultipleStatements(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getPropertySet().getBooleanProperty(PropertyKey.allowMultiQueries).getValue();
    }

    /** The statement with each parameter index moved by the offset: a part binds its parameters from 1, as MyBatis does. */
    private static PreparedStatement shifted(PreparedStatement statement, int offset) {
        if (offset == 0) {
            return statement;
        }
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (isParameterSetter(method)) {
                        args[0] = (Integer) args[0] + offset;
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }

    private static boolean isParameterSetter(Method method) {
        return method.getName().startsWith("set") && method.getParameterCount() >= 2 && method.getParameterTypes()[0] == int.class;
    }

    /** One statement of a trip, and once sent, its row count. */
    public static final class Part {

        private final MappedStatement statement;
        private final Object parameter;
        private final IntPredicate accepted;
        private int rows = -1;

        private Part(MappedStatement statement, Object parameter, IntPredicate accepted) {
            this.statement = statement;
            this.parameter = parameter;
            this.accepted = accepted;
        }

        /** Its row count, once its trip is sent. */
        public int rows() {
            if (rows < 0) {
                throw new IllegalStateException(statement.getId() + " has not been sent");
            }
            return rows;
        }

        /** Whether its row count is what its module asked. */
        public boolean accepted() {
            return accepted.test(rows());
        }
    }
}
