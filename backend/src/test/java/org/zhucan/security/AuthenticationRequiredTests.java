package org.zhucan.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every root field of the schema but login needs a token: none can be added and forgotten. */
class AuthenticationRequiredTests extends ApiTest {

    @Autowired
    AuthenticationRequired authenticationRequired;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldGuardEveryRootFieldButTheListedPublicOnes() {
        Set<String> rootFields = new HashSet<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {graphQlSource.schema().getQueryType(),
                graphQlSource.schema().getMutationType(), graphQlSource.schema().getSubscriptionType()}) {
            if (root != null) {
                for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                    rootFields.add(root.getName() + "." + field.getName());
                }
            }
        }
        assertThat(authenticationRequired.publicFields()).containsExactlyInAnyOrder("Mutation.login", "Mutation.redeemFamilyInvitation",
                "Query.publicSubsidyPolicies", "Query.publicSites", "Query.publicOperatorEvaluations", "Query.currentPublicities",
                "Mutation.objectToSubsidyApplication");
        Set<String> guarded = authenticationRequired.guardedFields();
        assertThat(guarded).doesNotContainAnyElementsOf(authenticationRequired.publicFields());
        Set<String> covered = new HashSet<>(guarded);
        covered.addAll(authenticationRequired.publicFields());
        assertThat(covered).isEqualTo(rootFields);
    }

    @Test
    void shouldRefuseEveryGuardedQueryWithoutToken() {
        Map<String, Map<String, Object>> documents = Map.of("me", Map.of(), "auditLog", Map.of(), "echoMoney", Map.of("amount", "1.00"));
        documents.forEach((document, variables) -> {
            anonymous().documentName(document).variables(variables).execute().errors().satisfy(errors -> {
                assertThat(errors).as(document).hasSize(1);
                assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAUTHORIZED");
            });
        });
    }
}
