package org.zhucan.testsupport;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.context.annotation.Profile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.money.Money;

/** Resolvers for test-schema/platform-checks.graphqls; only in the "test" profile. */
@Controller
@Profile("test")
class PlatformChecksController {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PlatformChecksController(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @QueryMapping
    Money echoMoney(@Argument Money amount) {
        return amount;
    }

    @QueryMapping
    EchoedTime echoTime(@Argument LocalDate date, @Argument Instant at) {
        return new EchoedTime(date, at);
    }

    @QueryMapping
    Boolean failInternally() {
        throw new IllegalStateException(
                "SQLSyntaxErrorException in org.zhucan.secret.Thing: SELECT password_hash FROM app_user");
    }

    @QueryMapping
    Boolean missingSite() {
        throw new NotFoundException("Site", 4711);
    }

    @QueryMapping
    Nest nest() {
        return new Nest(1);
    }

    /** Takes a connection from the pool (a transaction's) and keeps it until {@link HeldConnections#letGo}. */
    @QueryMapping
    Boolean holdConnection(@Argument int seconds) {
        return transaction.execute(status -> {
            jdbc.queryForObject("SELECT 1", Integer.class);
            try {
                HeldConnections.await(seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        });
    }

    /** holdConnection as a mutation: a mutation has no time budget, however long its fields take. */
    @MutationMapping
    Boolean holdConnectionInMutation(@Argument int seconds) {
        return holdConnection(seconds);
    }

    /**
     * A statement that runs until it is killed (or the seconds pass), found in the process list by its tag. The tag is a
     * second column: a query that is nothing but SLEEP() answers 1 to KILL QUERY instead of failing.
     */
    @QueryMapping
    Boolean sleepInDatabase(@Argument int seconds, @Argument String tag) {
        return transaction.execute(status -> jdbc.queryForObject("SELECT SLEEP(?) = 0 AS slept, ? AS tag", (row, n) -> row.getBoolean(1),
                seconds, tag));
    }

    /** 1000 into a TINYINT: the database refuses it (strict mode), as it refuses a value too long or out of range. */
    @QueryMapping
    Boolean storeOutOfRange() {
        return transaction.execute(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS platform_range_check (v TINYINT)");
            jdbc.update("INSERT INTO platform_range_check (v) VALUES (?)", 1000);
            return true;
        });
    }

    @SchemaMapping(typeName = "Nest", field = "nest")
    Nest deeper(Nest parent) {
        return new Nest(parent.leaf() + 1);
    }

    record EchoedTime(LocalDate date, Instant at) {
    }

    record Nest(int leaf) {
    }
}
