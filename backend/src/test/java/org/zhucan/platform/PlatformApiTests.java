package org.zhucan.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.zhucan.common.graphql.GraphQlLimitsProperties;
import org.zhucan.common.graphql.ParsedDocumentCache;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform pieces every feature relies on, exercised over HTTP. */
class PlatformApiTests extends ApiTest {

    @Autowired
    GraphQlLimitsProperties limits;

    @Autowired
    ParsedDocumentCache documents;

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "0.01", "-3.00", "100000.00"})
    void shouldRoundTripMoneyAsExactYuan(String amount) {
        as("admin").documentName("echoMoney").variable("amount", amount).execute()
                .path("echoMoney").entity(String.class).isEqualTo(amount);
    }

    @Test
    void shouldWriteMoneyWithTwoDecimals() {
        as("admin").documentName("echoMoney").variable("amount", "12.5").execute()
                .path("echoMoney").entity(String.class).isEqualTo("12.50");
        // a literal on purpose, beside the variable above: the Money scalar parses both
        as("admin").document("{ echoMoney(amount: \"7\") }").execute()
                .path("echoMoney").entity(String.class).isEqualTo("7.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "abc", ""})
    void shouldRejectMalformedMoneyAsBadRequest(String amount) {
        assertSingleError(as("admin").documentName("echoMoney").variable("amount", amount).execute().errors(),
                "BAD_REQUEST", "Money");
        // the same amount as a literal: the Money scalar's literal parsing refuses it too
        assertSingleError(as("admin").document("{ echoMoney(amount: \"" + amount + "\") }").execute().errors(),
                "BAD_REQUEST", "Money");
    }

    @Test
    void shouldRejectMoneyWrittenAsANumber() {
        // a number literal is written in the document itself: no variable can carry it as a literal
        assertSingleError(as("admin").document("{ echoMoney(amount: 12.5) }").execute().errors(), "BAD_REQUEST", "not a number");
        assertSingleError(as("admin").documentName("echoMoney").variable("amount", 12.5).execute().errors(), "BAD_REQUEST", "not a number");
    }

    @Test
    void shouldWriteInstantsInShanghaiTime() {
        as("admin").documentName("platformEchoTime").variable("date", "2026-11-22").variable("at", "2026-11-22T03:30:00Z").execute()
                .path("echoTime.date").entity(String.class).isEqualTo("2026-11-22")
                .path("echoTime.at").entity(String.class).isEqualTo("2026-11-22T11:30:00+08:00");
    }

    @Test
    void shouldRejectMalformedDatesAsBadRequest() {
        // malformed literals on purpose: the scalars must refuse them while parsing the document
        assertSingleError(as("admin").document("{ echoTime(date: \"2026-13-01\", at: \"2026-11-22T03:30:00Z\") { date } }")
                .execute().errors(), "BAD_REQUEST", "ISO date");
        assertSingleError(as("admin").document("{ echoTime(date: \"2026-11-01\", at: \"2026-11-22 03:30\") { date } }")
                .execute().errors(), "BAD_REQUEST", "ISO date-time");
    }

    @Test
    void shouldAnswerMalformedQueryWithBadRequest() {
        // broken documents on purpose: a syntax error and an unknown field
        assertSingleError(as("admin").document("{ me { username ").execute().errors(), "BAD_REQUEST", "Invalid syntax");
        assertSingleError(as("admin").document("{ me { noSuchField } }").execute().errors(), "BAD_REQUEST", "noSuchField");
    }

    @Test
    void shouldRejectQueryDeeperThanTheLimit() {
        // documents built to the configured depth limit and one past it
        String withinLimit = "{ " + "nest { ".repeat(limits.maxDepth() - 1) + "leaf" + " }".repeat(limits.maxDepth()) ;
        as("admin").document(withinLimit).execute().errors().verify();

        String tooDeep = "{ " + "nest { ".repeat(limits.maxDepth()) + "leaf" + " }".repeat(limits.maxDepth() + 1);
        assertSingleError(as("admin").document(tooDeep).execute().errors(), "BAD_REQUEST", "depth");
    }

    @Test
    void shouldAllowTheStandardIntrospectionQueryDespiteItsDepth() {
        // the standard introspection query as GraphQL tools send it, kept verbatim in IntrospectionQuery
        as("admin").document(IntrospectionQuery.TEXT).execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void shouldHideInternalsOfAnInternalError() {
        as("admin").documentName("platformFailInternally").execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
            assertThat(error.getMessage()).startsWith("Internal error; reference ")
                    .doesNotContain("SELECT").doesNotContain("org.zhucan").doesNotContain("Exception").doesNotContain("password");
            assertThat(error.getExtensions()).doesNotContainKeys("exception", "stackTrace", "trace");
        });
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownId() {
        assertSingleError(as("admin").documentName("platformMissingSite").execute().errors(), "NOT_FOUND", "Site 4711 not found");
    }

    @Test
    void shouldParseAndValidateARepeatedOperationOnce() {
        long missesBefore = documents.stats().missCount();
        long hitsBefore = documents.stats().hitCount();
        for (int i = 0; i < 5; i++) {
            as("admin").documentName("platformRepeatedForCacheTest").execute().path("me.username").entity(String.class).isEqualTo("admin");
        }
        assertThat(documents.stats().missCount() - missesBefore).isEqualTo(1);
        assertThat(documents.stats().hitCount() - hitsBefore).isEqualTo(4);
    }

    private static void assertSingleError(org.springframework.graphql.test.tester.GraphQlTester.Errors errors,
                                          String classification, String messagePart) {
        errors.satisfy(list -> {
            assertThat(list).as("errors").hasSize(1);
            assertThat(list.get(0).getErrorType().toString()).isEqualTo(classification);
            assertThat(list.get(0).getMessage()).containsIgnoringCase(messagePart);
        });
    }
}
