package org.zhucan.common.sql;

import java.util.function.Consumer;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.MyBatisExceptionTranslator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Many rows written by a one-row statement each, sent as JDBC batches in the caller's transaction:
 * MyBatis's BATCH executor on the transaction's own connection (Spring's managed transaction hands
 * it the connection bound to the thread, and neither commits nor closes it).
 * <p>
 * Why not a multi-row {@code <foreach>}: MyBatis renames and parses every value of such a statement
 * each time it runs (a regular expression and a parameter mapping per value: at a hundred meal
 * records of 25 columns, most of the upload's own CPU), and the driver parses the long text again
 * (too long for its statement cache). A one-row statement is parsed once at start-up, and the driver
 * ({@code rewriteBatchedStatements}) still sends each batch of inserts as one multi-row INSERT, so the
 * database sees what it saw before. Generated keys reach each row as they did.
 */
@Component
public class BatchedStatements {

    private final SqlSessionFactory sessions;
    private final MyBatisExceptionTranslator translator;

    BatchedStatements(SqlSessionFactory sessions) {
        this.sessions = sessions;
        this.translator = new MyBatisExceptionTranslator(sessions.getConfiguration().getEnvironment().getDataSource(), true);
    }

    /**
     * Runs the statements the consumer calls on the mapper as batches, one a statement text in the order
     * first called, and sends them before returning. A refusal comes as Spring's exception for it (a
     * DuplicateKeyException naming its key, a deadlock as a locking failure), as from any mapper.
     */
    public <M> void run(Class<M> mapperType, Consumer<M> statements) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the batch would take a connection of its own and commit nothing
            throw new IllegalStateException("batched statements run inside the caller's transaction");
        }
        SqlSession session = sessions.openSession(ExecutorType.BATCH);
        try {
            statements.accept(session.getMapper(mapperType));
            session.flushStatements();
        } catch (PersistenceException failure) {
            DataAccessException translated = translator.translateExceptionIfPossible(failure);
            throw translated != null ? translated : failure;
        } finally {
            session.close();
        }
    }
}
