package org.zhucan.platform;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-request time budget, the guard behind the cost limit (issue 16, point 3). The first
 * field holds the request for three seconds, past a budget of one: the fields after it are not
 * fetched. Slowness of the machine can only make the first field longer, never the budget.
 */
@TestPropertySource(properties = {"zhucan.graphql.time-budget=1s", "zhucan.graphql.report-time-budget=10m",
        "zhucan.graphql.report-fields=echoTime"})
class QueryTimeBudgetTests extends ApiTest {

    @Test
    void shouldStopFetchingAQueryPastItsBudgetWithOneError() {
        as("admin").documentName("platformHoldConnectionsPastBudget")
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(errors.get(0).getMessage()).contains("time budget");
                })
                .path("a").entity(Boolean.class).isEqualTo(true)
                .path("b").valueIsNull()
                .path("c").valueIsNull();
    }

    @Test
    void shouldGiveAReportTheLongerBudget() {
        as("admin").documentName("platformReportHoldingConnections")
                .execute().errors().verify()
                .path("a").entity(Boolean.class).isEqualTo(true)
                .path("b").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void shouldNeverCutAMutation() {
        as("admin").documentName("platformMutationHoldingConnections")
                .execute().errors().verify()
                .path("a").entity(Boolean.class).isEqualTo(true)
                .path("b").entity(Boolean.class).isEqualTo(true);
    }
}
