package org.zhucan.common.sql;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lock by name, held until the caller's transaction ends, that holds across a Galera cluster as
 * well as on one server. SELECT ... FOR UPDATE of a row the transaction then leaves unwritten locks
 * only on the node that ran it: Galera certifies written rows, so two transactions on two nodes
 * both pass it, both check, and both commit. This lock writes its row (V36): of two transactions
 * that took it on two nodes, the later commit fails certification as a deadlock (1213) and is
 * retried ({@link RetryOnTransientFailure}); on one server it waits, as a row lock does.
 */
@Component
public class ClusterLocks {

    private final ClusterLockMapper mapper;

    ClusterLocks(ClusterLockMapper mapper) {
        this.mapper = mapper;
    }

    /** Takes the lock {@code kind:id}, e.g. {@code diner:42}; the caller's transaction holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String kind, Object id) {
        mapper.take(kind + ":" + id);
    }
}
