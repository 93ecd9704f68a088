package org.zhucan.platform;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.zhucan.common.graphql.GraphQlLimitsProperties;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost and depth limits over HTTP (issue 16, point 3): a selection costs the same inline, in a
 * named fragment or in fragments spread into each other, and a page size multiplies its selection.
 */
class QueryCostApiTests extends ApiTest {

    /** 1 + 100 × (edges 1 + node (1 + id 1 + name 1)) */
    private static final int HUNDRED_SITES_COST = 401;
    private static final String HUNDRED_SITES = "sites(first: 100) { edges { node { id name } } }";

    @Autowired
    GraphQlLimitsProperties limits;

    @Test
    void shouldRefuseSixtyAliasedPagesInlineAndBehindFragmentsAtTheSameCost() {
        // documents built of as many aliases and fragments as the cost under test needs
        String inline = "{ " + aliases(60, HUNDRED_SITES) + " }";
        String named = "query { ...Many } fragment Many on Query { " + aliases(60, HUNDRED_SITES) + " }";
        String nested = "query { ...Outer } fragment Outer on Query { ... on Query { ...Many } } fragment Many on Query { "
                + aliases(60, "sites(first: 100) { ...Edges }") + " } fragment Edges on SiteConnection { edges { node { id name } } }";
        String figure = "Query complexity " + 60 * HUNDRED_SITES_COST + " is over the limit of " + limits.maxComplexity();
        for (String document : List.of(inline, named, nested)) {
            assertRefused(as("admin").document(document).execute(), figure);
        }
    }

    @Test
    void shouldMultiplyByAPageSizeGivenInAVariable() {
        // built to a size: sixty aliased pages, their size a variable
        String document = "query($n: Int) { " + aliases(60, "sites(first: $n) { edges { node { id name } } }") + " }";
        assertRefused(as("admin").document(document).variable("n", 100).execute(),
                "Query complexity " + 60 * HUNDRED_SITES_COST + " is over the limit");
    }

    @Test
    void shouldRunTheCostliestQueryWithinTheLimitAndRefuseOneMore() {
        int fitting = (int) (limits.maxComplexity() / HUNDRED_SITES_COST);
        // built to the limit and one alias past it
        String within = "query { ...Many } fragment Many on Query { " + aliases(fitting, HUNDRED_SITES) + " }";
        as("admin").document(within).execute().errors().verify()
                .path("a0.edges[0].node.name").entity(String.class).satisfies(name -> assertThat(name).isNotBlank());

        String over = "query { ...Many } fragment Many on Query { " + aliases(fitting + 1, HUNDRED_SITES) + " }";
        assertRefused(as("admin").document(over).execute(), "Query complexity " + (fitting + 1) * HUNDRED_SITES_COST);
    }

    @Test
    void shouldCountDepthThroughFragments() {
        int depth = limits.maxDepth() + 1;
        // a chain of fragments built as deep as the depth under test
        StringBuilder fragments = new StringBuilder("{ nest { ...N1 } }\n");
        for (int level = 1; level < depth - 1; level++) {
            fragments.append("fragment N").append(level).append(" on Nest { nest { ")
                    .append(level == depth - 2 ? "leaf" : "...N" + (level + 1)).append(" } }\n");
        }
        assertRefused(as("admin").document(fragments.toString()).execute(),
                "Query depth " + depth + " is over the limit of " + limits.maxDepth());
    }

    @Test
    void shouldRefuseAFragmentBombBeforeRunningAnything() {
        // a fragment bomb built to a size
        StringBuilder bomb = new StringBuilder("{ nest { ...F0 } }\n");
        for (int level = 0; level < 40; level++) {
            String next = level == 39 ? "leaf" : "...F" + (level + 1);
            bomb.append("fragment F").append(level).append(" on Nest { leaf a").append(level).append(": nest { ")
                    .append(next).append(" } b").append(level).append(": nest { ").append(next).append(" } }\n");
        }
        long before = sqlStatements.count();
        assertRefused(as("admin").document(bomb.toString()).execute(), "is over the limit");
        assertThat(sqlStatements.count() - before).as("statements run for a refused query").isZero();
    }

    private static void assertRefused(GraphQlTester.Response response, String messagePart) {
        response.errors().satisfy(errors -> {
            assertThat(errors).as("errors").hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).contains(messagePart);
        });
    }

    private static String aliases(int count, String selection) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + selection).collect(Collectors.joining(" "));
    }
}
