package org.zhucan.common.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuditApiTests extends ApiTest {

    @Autowired
    AuditService auditService;

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void shouldAuditEveryLoginAttempt() {
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        anonymous().documentName("login").variable("username", stranger).variable("password", "guess").execute()
                .path("login.token").valueIsNull();

        // a name typed at a failed login may be anything a person typed: the log keeps its pseudonym
        String pseudonym = pseudonyms.of(stranger);
        as("admin").documentName("auditLog")
                .variable("filter", Map.of("entityType", "AppUser", "entityId", pseudonym))
                .execute()
                .path("auditLog.totalCount").entity(Integer.class).isEqualTo(1)
                .path("auditLog.edges[0].node.action").entity(String.class).isEqualTo("LOGIN_FAILED")
                .path("auditLog.edges[0].node.actor").entity(String.class).isEqualTo(pseudonym)
                .path("auditLog.edges[0].node.after").entity(String.class).satisfies(json -> assertThat(json).contains("unknown username"));

        login("finance", DEMO_PASSWORD);
        as("admin").documentName("auditLog")
                .variable("filter", Map.of("actor", "finance", "action", "LOGIN_SUCCEEDED"))
                .variable("first", 1)
                .execute()
                .path("auditLog.edges[0].node.entityId").entity(String.class).isEqualTo("finance");
    }

    @Test
    void shouldRecordBeforeAndAfterWithTheCallerAsActor() {
        String entityId = UUID.randomUUID().toString();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("finance", null, "ROLE_FINANCE"));
        try {
            auditService.record("STATEMENT_APPROVED", "SettlementStatement", entityId,
                    Map.of("status", "SUBMITTED", "totalFen", 120000), Map.of("status", "APPROVED", "totalFen", 120000));
        } finally {
            SecurityContextHolder.clearContext();
        }
        as("admin").documentName("auditLog")
                .variable("filter", Map.of("entityType", "SettlementStatement", "entityId", entityId))
                .execute()
                .path("auditLog.edges[0].node.actor").entity(String.class).isEqualTo("finance")
                .path("auditLog.edges[0].node.before").entity(String.class).satisfies(json -> assertThat(json).contains("\"SUBMITTED\""))
                .path("auditLog.edges[0].node.after").entity(String.class).satisfies(json -> assertThat(json).contains("\"APPROVED\""));
    }

    @Test
    void shouldPageThroughTheWholeLogWithCursorsNewestFirst() {
        String entityId = UUID.randomUUID().toString();
        for (int i = 0; i < 7; i++) {
            auditService.record("system", "PAGING_TEST", "PagingTest", entityId, null, Map.of("step", i));
        }
        List<String> steps = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNext = true;
        while (hasNext) {
            var response = as("admin").documentName("auditLog")
                    .variable("filter", Map.of("entityId", entityId))
                    .variable("first", 3)
                    .variable("after", after)
                    .execute();
            response.path("auditLog.totalCount").entity(Integer.class).isEqualTo(7);
            response.path("auditLog.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            steps.addAll(response.path("auditLog.edges[*].node.after").entityList(String.class).get());
            hasNext = response.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("auditLog.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(steps).containsExactly("{\"step\":6}", "{\"step\":5}", "{\"step\":4}", "{\"step\":3}",
                "{\"step\":2}", "{\"step\":1}", "{\"step\":0}");
    }

    @Test
    void shouldSendTheSameNumberOfStatementsForFiveRowsAsForFifty() {
        String entityId = UUID.randomUUID().toString();
        for (int i = 0; i < 50; i++) {
            auditService.record("system", "COUNT_TEST", "CountTest", entityId, null, Map.of("step", i));
        }
        as("admin").documentName("me").execute(); // token and document caches warm
        assertStatementsDoNotGrow(() -> statementsFor(entityId, 5), () -> statementsFor(entityId, 50));
    }

    @Test
    void shouldForbidTheAuditLogToEveryRoleButAdmin() {
        for (String user : List.of("finance", "operator", "inspector", "family")) {
            as(user).documentName("auditLog").execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN");
            });
        }
        anonymous().documentName("auditLog").execute().errors().satisfy(errors ->
                assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED"));
    }

    @Test
    void shouldRejectBadPagingArgumentsAsBadRequest() {
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of("first", 0), Map.of("first", 101),
                Map.of("after", "not-a-cursor"))) {
            var request = as("admin").documentName("auditLog");
            variables.forEach(request::variable);
            request.execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(errors.get(0).getExtensions().get("field")).isEqualTo(List.of(variables.keySet().iterator().next()));
            });
        }
    }

    private long statementsFor(String entityId, int first) {
        return statementsDuring(() -> as("admin").documentName("auditLog")
                .variable("filter", Map.of("entityId", entityId))
                .variable("first", first)
                .execute()
                .path("auditLog.edges").entityList(Object.class).hasSize(first));
    }
}
