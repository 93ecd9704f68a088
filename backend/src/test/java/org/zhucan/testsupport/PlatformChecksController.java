package org.zhucan.testsupport;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.context.annotation.Profile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.money.Money;

/** Resolvers for test-schema/platform-checks.graphqls; only in the "test" profile. */
@Controller
@Profile("test")
class PlatformChecksController {

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

    @SchemaMapping(typeName = "Nest", field = "nest")
    Nest deeper(Nest parent) {
        return new Nest(parent.leaf() + 1);
    }

    record EchoedTime(LocalDate date, Instant at) {
    }

    record Nest(int leaf) {
    }
}
