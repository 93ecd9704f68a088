package org.zhucan.publicinfo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.menu.PublishedMenus;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public information without login (issue 18, point 6): each public field answers an anonymous
 * caller with published data only, nothing personal is reachable from its types, and anonymous
 * callers are held to the rate limit per client address.
 */
class PublicInfoApiTests extends ApiTest {

    private static final String DISTRICT = "1";
    private static final List<String> PUBLIC_FIELDS = List.of("publicSubsidyPolicies", "publicSites", "publicOperatorEvaluations");
    /** Types that carry personal data or who did what: none may be reachable from a public field. */
    private static final Set<String> PRIVATE_TYPES = Set.of("Diner", "Operator", "Site", "Viewer", "Account", "Booking", "MealRecord",
            "EvaluationWeights", "SiteStatusChange", "AuditEntry", "Dish", "Menu");
    /** Field names that hold personal data or accounts wherever they appear. */
    private static final Set<String> PRIVATE_FIELD_NAMES = Set.of("contactName", "contactPhone", "phone", "idNumber", "username", "setBy",
            "changedBy", "recordedBy", "diner", "diners", "licenceNumber", "statusHistory");

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PublishedMenus publishedMenus;

    @Test
    void shouldListADistrictsPublishedPoliciesWithTheirTiersWithoutLogin() {
        List<Map<String, Object>> edges = policies(100)
                .path("publicSubsidyPolicies.edges").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        Integer published = jdbc.queryForObject("SELECT COUNT(*) FROM subsidy_policy WHERE district_id = ? AND status = 'PUBLISHED'",
                Integer.class, Long.valueOf(DISTRICT));
        assertThat(edges).hasSize(published).isNotEmpty();
        assertThat(edges).allSatisfy(edge -> assertThat(at(edge, "node.status")).isEqualTo("PUBLISHED"));
        assertThat((List<?>) at(edges.get(0), "node.tiers")).isNotEmpty();
    }

    @Test
    void shouldPagePublishedPoliciesNewestFirst() {
        var first = policies(1);
        int total = first.path("publicSubsidyPolicies.totalCount").entity(Integer.class).get();
        first.path("publicSubsidyPolicies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(total > 1);
        assertThat(first.path("publicSubsidyPolicies.edges").entityList(Object.class).get()).hasSize(1);
    }

    @Test
    void shouldListOperatingSitesWithHoursAndTodaysMenusWithoutLogin() {
        List<Map<String, Object>> edges = sites(DISTRICT, 100)
                .path("publicSites.edges").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(edges).isNotEmpty();
        assertThat(edges).allSatisfy(edge -> assertThat(at(edge, "node.kind")).isNotEqualTo("CENTRAL_KITCHEN"));
        List<Long> ids = edges.stream().map(edge -> Long.valueOf(String.valueOf(at(edge, "node.id")))).toList();
        Integer notOperating = jdbc.queryForObject("SELECT COUNT(*) FROM site WHERE status <> 'OPERATING' AND id IN ("
                + String.join(",", ids.stream().map(String::valueOf).toList()) + ")", Integer.class);
        assertThat(notOperating).isZero();
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        List<?> menus = edges.stream().flatMap(edge -> ((List<?>) at(edge, "node.todayMenus")).stream()).toList();
        assertThat(menus).as("the demo publishes today's menus").isNotEmpty();
        assertThat(menus).allSatisfy(menu -> assertThat(at(menu, "date")).isEqualTo(today));
        // read twice: the second time from the cache, the same answer
        assertThat(sites(DISTRICT, 100).path("publicSites.edges").entityList(Object.class).get()).hasSize(edges.size());
    }

    @Test
    void shouldReadTodaysMenusOfAPageInAFixedNumberOfStatements() {
        publishedMenus.evictAll();
        long atOne = statementsDuring(() -> sites(null, 1).path("publicSites").hasValue());
        publishedMenus.evictAll();
        long atMany = statementsDuring(() -> sites(null, 100).path("publicSites").hasValue());
        // the first site may have no menu today (then its read stops before items, set meals and dishes): at most those three more
        assertThat(atOne).isPositive();
        assertThat(atMany).isBetween(atOne, atOne + 3);
    }

    @Test
    void shouldPublishAMonthsEvaluationOnlyOnceItIsOver() {
        YearMonth thisMonth = YearMonth.now(BusinessTime.ZONE);
        var lastMonth = evaluations(thisMonth.minusMonths(1).toString());
        int total = lastMonth.path("publicOperatorEvaluations.totalCount").entity(Integer.class).get();
        assertThat(total).isPositive();
        lastMonth.path("publicOperatorEvaluations.edges").entityList(Object.class).hasSize(total);
        evaluations(thisMonth.toString())
                .path("publicOperatorEvaluations").valueIsNull();
        evaluations("2000-01")
                .path("publicOperatorEvaluations").valueIsNull();
    }

    @Test
    void shouldReachNoPersonalDataFromAPublicField() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> seen = new HashSet<>();
        Deque<GraphQLFieldsContainer> pending = new ArrayDeque<>();
        for (String field : PUBLIC_FIELDS) {
            enqueue(schema.getQueryType().getFieldDefinition(field).getType(), seen, pending);
        }
        while (!pending.isEmpty()) {
            GraphQLFieldsContainer type = pending.pop();
            assertThat(PRIVATE_TYPES).as("type reachable from a public field").doesNotContain(type.getName());
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                assertThat(PRIVATE_FIELD_NAMES).as(type.getName() + "." + field.getName()).doesNotContain(field.getName());
                enqueue(field.getType(), seen, pending);
            }
        }
        assertThat(seen).contains("PublicSite", "PublicOperator", "PublicMenu", "SubsidyPolicy", "PublicOperatorEvaluation", "Region");
    }

    @Test
    void shouldAnswerNoOperatorContactInAPublicList() {
        String body = http().post().uri("/graphql").header("Content-Type", "application/json")
                .bodyValue(Map.of("query", TestDocuments.named("publicSites"), "variables", Map.of("first", 100)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> contacts = jdbc.queryForList("SELECT contact_name FROM operator WHERE contact_name IS NOT NULL AND contact_name <> ''", String.class);
        assertThat(body).contains("publicSites");
        contacts.forEach(contact -> assertThat(body).doesNotContain(contact));
    }

    @Test
    void shouldRefuseAnonymousReadsOverTheLimitPerAddressUntilTheWindowEnds() {
        redis.delete(redis.keys(PublicRateLimit.KEY_PREFIX + "*"));
        // a string: the count of one document's public fields, aliased, is what is tested
        String three = "{ a: publicSites(first: 1) { totalCount } b: publicSites(first: 1) { totalCount } "
                + "c: publicSubsidyPolicies(districtId: \"1\") { totalCount } }";
        anonymous().document(three).execute().errors().verify();
        Set<String> keys = redis.keys(PublicRateLimit.KEY_PREFIX + "*");
        assertThat(keys).as("one counter, for this client's address").hasSize(1);
        String key = keys.iterator().next();
        try {
            assertThat(redis.opsForValue().get(key)).as("every public field counts, aliases too").isEqualTo("3");
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isPositive();
            // the address has used up its window
            redis.opsForValue().set(key, "100000", 60, TimeUnit.SECONDS);
            sites(null, 1).errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                ResponseError error = errors.get(0);
                assertThat(error.getErrorType().toString()).isEqualTo("TOO_MANY_REQUESTS");
                assertThat(error.getMessage()).contains("Too many requests").contains("try again in");
                assertThat(((Number) error.getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 60L);
            });
            // a logged-in caller is not counted
            as("finance").documentName("publicSites").variable("first", 1).execute().path("publicSites.totalCount").hasValue();
            assertThat(redis.opsForValue().get(key)).isEqualTo("100001");
        } finally {
            redis.delete(key);
        }
        // the window over, the address reads again
        sites(null, 1).path("publicSites.totalCount").hasValue();
        redis.delete(redis.keys(PublicRateLimit.KEY_PREFIX + "*"));
    }

    private GraphQlTester.Response policies(int first) {
        return anonymous().documentName("publicSubsidyPolicies").variable("district", DISTRICT).variable("first", first).execute();
    }

    /** Public sites of the region, or of everywhere when it is null, read without login. */
    private GraphQlTester.Response sites(String region, int first) {
        return anonymous().documentName("publicSites").variable("region", region).variable("first", first).execute();
    }

    private GraphQlTester.Response evaluations(String month) {
        return anonymous().documentName("publicOperatorEvaluations").variable("district", DISTRICT).variable("month", month).execute();
    }

    private static void enqueue(GraphQLType type, Set<String> seen, Deque<GraphQLFieldsContainer> pending) {
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        if (bare instanceof GraphQLFieldsContainer container && seen.add(((GraphQLNamedType) bare).getName())) {
            pending.push(container);
        }
    }

    private static Object at(Object node, String path) {
        return org.zhucan.testsupport.Responses.at(node, path);
    }
}
