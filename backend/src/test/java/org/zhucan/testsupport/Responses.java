package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading GraphQL answers in tests: connection pages, values at a path of nested maps, error types. */
public final class Responses {

    private Responses() {
    }

    /** One page of a connection query taking filter, first and after (null: the first page). */
    public static GraphQlTester.Response page(HttpGraphQlTester tester, String document, Map<String, Object> filter, int first, String after) {
        GraphQlTester.Request<?> request = tester.documentName(document).variable("filter", filter).variable("first", first);
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.execute();
    }

    /** Every page of a connection query, collecting each edge's node; the query selects pageInfo { hasNextPage endCursor }. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> allNodes(HttpGraphQlTester tester, String document, String field, Map<String, Object> filter,
                                                     int first) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            GraphQlTester.Response response = page(tester, document, filter, first, after);
            for (Object edge : response.path(field + ".edges").entityList(Object.class).get()) {
                nodes.add((Map<String, Object>) ((Map<String, Object>) edge).get("node"));
            }
            if (!response.path(field + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return nodes;
            }
            after = response.path(field + ".pageInfo.endCursor").entity(String.class).get();
            assertThat(after).isNotNull();
        }
        throw new AssertionError("more than 100 pages");
    }

    /** The classification of the first top-level error, or null when there is none. */
    public static String errorType(GraphQlTester.Response response) {
        List<String> types = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(error -> types.add(String.valueOf(error.getErrorType()))));
        return types.isEmpty() ? null : types.get(0);
    }

    /** A value at a dotted path of nested maps, or null where the path ends early. */
    @SuppressWarnings("unchecked")
    public static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
