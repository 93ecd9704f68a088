package org.zhucan.common.graphql;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link QueryCost} counts: the same figure however a selection is written. */
class QueryCostTests {

    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
            type Query { sites(first: Int = 20): SiteConnection!  site(id: ID!): Site  me: Viewer! }
            type Mutation { touch: Site }
            type SiteConnection { edges: [SiteEdge!]!  totalCount: Int! }
            type SiteEdge { node: Site! }
            type Site { id: ID!  name: String!  slots: [Slot!]!  neighbours(first: Int): SiteConnection! }
            type Slot { name: String! }
            interface Viewer { name: String! }
            type Staff implements Viewer { name: String!  sites(first: Int = 5): SiteConnection! }
            """));

    // cost and depth are counted on documents written or built here to the size under test (no server)
    /** sites(first: 100) { edges { node { id name } } } = 1 + 100 × (edges 1 + node (1 + 2)) = 401 */
    private static final String HUNDRED_SITES = "sites(first: 100) { edges { node { id name } } }";

    @Test
    void shouldCountEveryFieldOnceWithoutPageSizes() {
        assertThat(cost("{ site(id: 1) { id name slots { name } } }").complexity()).isEqualTo(5);
        assertThat(cost("{ site(id: 1) { id name slots { name } } }").depth()).isEqualTo(3);
    }

    @Test
    void shouldMultiplyASelectionByItsPageSize() {
        assertThat(cost("{ " + HUNDRED_SITES + " }").complexity()).isEqualTo(401);
        assertThat(cost("query($n: Int) { sites(first: $n) { edges { node { id name } } } }", Map.of("n", 100)).complexity())
                .isEqualTo(401);
    }

    @Test
    void shouldUseTheSchemasDefaultPageSizeWhenNoneIsGiven() {
        assertThat(cost("{ sites { edges { node { id name } } } }").complexity()).isEqualTo(1 + 20 * 4);
        assertThat(cost("query($n: Int) { sites(first: $n) { totalCount } }", Map.of()).complexity()).isEqualTo(1 + 20);
    }

    @Test
    void shouldMultiplyNestedPagesTogether() {
        String nested = "{ sites(first: 10) { edges { node { neighbours(first: 10) { edges { node { id } } } } } } }";
        // node.neighbours = 1 + 10 × 3 = 31; outer = 1 + 10 × (edges 1 + node (1 + 31)) = 331
        assertThat(cost(nested).complexity()).isEqualTo(331);
    }

    @Test
    void shouldCostAliasesLikeSeparateFields() {
        assertThat(cost(aliases(60, HUNDRED_SITES)).complexity()).isEqualTo(60 * 401);
    }

    @Test
    void shouldCostNamedAndInlineFragmentsAsIfWrittenOut() {
        long inline = cost(aliases(60, HUNDRED_SITES)).complexity();
        String named = "query { ...Many } fragment Many on Query { " + aliasList(60, HUNDRED_SITES) + " }";
        String nestedNamed = "query { ...Outer } fragment Outer on Query { ...Many } fragment Many on Query { "
                + aliasList(60, "sites(first: 100) { ...Edges }") + " } fragment Edges on SiteConnection { edges { node { id name } } }";
        String spreadInNode = "{ sites(first: 100) { edges { node { ...Names } } } } fragment Names on Site { id name }";
        String inlineFragment = "{ ... on Query { ... { " + HUNDRED_SITES + " } } }";

        assertThat(cost(named).complexity()).isEqualTo(inline);
        assertThat(cost(nestedNamed).complexity()).isEqualTo(inline);
        assertThat(cost(spreadInNode).complexity()).isEqualTo(401);
        assertThat(cost(inlineFragment).complexity()).isEqualTo(401);
    }

    @Test
    void shouldCountAFragmentEachTimeItIsSpread() {
        String twice = "{ a: site(id: 1) { ...S } b: site(id: 2) { ...S } } fragment S on Site { id name slots { name } }";
        assertThat(cost(twice).complexity()).isEqualTo(2 * 5);
    }

    @Test
    void shouldCostInterfaceFragmentsByTheirTypeCondition() {
        // Staff.sites defaults to 5: 1 (me) + name 1 + sites (1 + 5 × totalCount 1) = 8
        assertThat(cost("{ me { name ... on Staff { sites { totalCount } } } }").complexity()).isEqualTo(8);
    }

    /** Each fragment spreads the next one twice: 2^70 sites written out, in a few lines of text. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldCostAFragmentBombOnceAndSaturate() {
        StringBuilder bomb = new StringBuilder("{ site(id: 1) { ...F0 } }\n");
        for (int level = 0; level < 70; level++) {
            String next = level == 69 ? "id" : "...F" + (level + 1);
            bomb.append("fragment F").append(level).append(" on Site { ")
                    .append("x: neighbours(first: 1) { edges { node { ").append(next).append(" } } } ")
                    .append("y: neighbours(first: 1) { edges { node { ").append(next).append(" } } } }\n");
        }
        QueryCost.Cost cost = cost(bomb.toString());
        assertThat(cost.complexity()).isEqualTo(Long.MAX_VALUE);
        assertThat(cost.depth()).isEqualTo(1 + 70 * 3 + 1);
    }

    @Test
    void shouldCountDepthThroughFragments() {
        String inline = "{ sites { edges { node { neighbours { edges { node { id } } } } } } }";
        String viaFragments = "{ ...A } fragment A on Query { sites { ...B } } fragment B on SiteConnection { edges { node { ...C } } } "
                + "fragment C on Site { neighbours { edges { node { id } } } }";
        assertThat(cost(inline).depth()).isEqualTo(7);
        assertThat(cost(viaFragments).depth()).isEqualTo(7);
    }

    @Test
    void shouldCostMutationsAgainstTheMutationType() {
        assertThat(cost("mutation { touch { id neighbours(first: 3) { totalCount } } }").complexity()).isEqualTo(1 + 1 + (1 + 3));
    }

    private static String aliases(int count, String field) {
        return "{ " + aliasList(count, field) + " }";
    }

    private static String aliasList(int count, String selection) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + selection).collect(Collectors.joining(" "));
    }

    private static QueryCost.Cost cost(String text) {
        return cost(text, Map.of());
    }

    private static QueryCost.Cost cost(String text, Map<String, Object> variables) {
        Document document = Parser.parse(text);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
        return QueryCost.of(SCHEMA, operation, fragments, variables);
    }
}
