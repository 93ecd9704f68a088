package org.zhucan.common.graphql;

import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nested read is timed at its root field, its batch loads and the request: the fields below the
 * root start no observation of their own (see {@link FieldObservations}).
 */
class FieldObservationsTests extends ApiTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldTimeTheRootFieldAndTheBatchLoadsButNotEachNestedField() {
        // the login is a request of its own: before the count
        logInDemoAccounts();
        long fieldsBefore = observed("graphql.datafetcher");
        long loadsBefore = observed("graphql.dataloader");
        long requestsBefore = observed("graphql.request");
        as("admin").documentName("siteMenus").variable("first", 20).variable("date", LocalDate.of(2031, 5, 6).toString())
                .variable("slot", "LUNCH").execute().path("sites.edges").entityList(Object.class).hasSizeGreaterThan(1);

        assertThat(observed("graphql.datafetcher") - fieldsBefore).as("the root field sites, and not the menu of each site").isEqualTo(1);
        assertThat(observed("graphql.dataloader") - loadsBefore).as("the menus' batch load").isPositive();
        assertThat(observed("graphql.request") - requestsBefore).as("the request").isEqualTo(1);
    }

    @Test
    void shouldPassPropertyReadsThroughTheApplicationsChainUnasked() {
        // every instrumentation the application runs that wraps data fetchers leaves property reads alone, and says so:
        // one that does not (a new bean, or Spring Boot's own observation in place of ours) makes every property read ask
        // every member again
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOfSatisfying(LeanInstrumentationChain.class,
                chain -> assertThat(chain.passesPropertyReads()).isTrue());
    }

    /** Observations of that name completed so far, all tags together. */
    private long observed(String name) {
        return meters.find(name).timers().stream().mapToLong(timer -> timer.count()).sum();
    }
}
