-- Locks that hold across a Galera cluster (README "Running as a cluster"). Galera certifies only the
-- rows a transaction WRITES: SELECT ... FOR UPDATE, and an upsert whose update changes nothing
-- ("ON DUPLICATE KEY UPDATE id = id"), lock on the node that runs them and nowhere else, so two
-- transactions on two nodes both pass such a lock and both commit. A lock row whose counter is
-- incremented is a written row: of two transactions that took it on two nodes, the second to
-- commit fails certification (a deadlock, 1213) and is retried, then sees the first's work.

-- The lock tables that were taken by a no-op upsert get a counter to increment.
ALTER TABLE settlement_lock ADD COLUMN taken BIGINT NOT NULL DEFAULT 0;
ALTER TABLE meal_upload_lock ADD COLUMN taken BIGINT NOT NULL DEFAULT 0;
ALTER TABLE operator_contract_lock ADD COLUMN taken BIGINT NOT NULL DEFAULT 0;

-- Named locks for what was serialised by SELECT ... FOR UPDATE of a row the transaction then left
-- unwritten (a diner's applications and categories, a site's cash day). One small row per name.
CREATE TABLE cluster_lock (
    name  VARCHAR(100) NOT NULL,
    taken BIGINT       NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
