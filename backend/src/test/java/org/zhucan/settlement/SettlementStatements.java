package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.zhucan.testsupport.DistrictWorld;

/**
 * The settlement statements of a {@link DistrictWorld}'s operator and district, generated and read
 * through one named document (settlementLifecycle or settlementGenerations): its operations answer
 * with one fragment, so that what generateSettlement returns compares with the statement read back.
 */
final class SettlementStatements {

    private final Function<String, HttpGraphQlTester> as;
    private final DistrictWorld world;
    private final String document;

    SettlementStatements(Function<String, HttpGraphQlTester> as, DistrictWorld world, String document) {
        this.as = as;
        this.world = world;
        this.document = document;
    }

    /** One operation of the document, e.g. submitSettlement. */
    GraphQlTester.Request<?> operation(String user, String operation) {
        return as.apply(user).documentName(document).operationName(operation);
    }

    GraphQlTester.Response generateResponse(String user, LocalDate start, LocalDate end) {
        return operation(user, "generateSettlement")
                .variable("input", Map.of("operatorId", world.operatorId, "districtId", world.districtId, "periodStart", start.toString(),
                        "periodEnd", end.toString()))
                .execute();
    }

    /** generateSettlement that must succeed; returns the statement. */
    Map<String, Object> generate(String user, LocalDate start, LocalDate end) {
        return generateResponse(user, start, end)
                .path("generateSettlement.userErrors").entityList(Object.class).hasSize(0)
                .path("generateSettlement.statement").entity(mapType()).get();
    }

    Map<String, Object> read(String user, String id) {
        return operation(user, "settlementStatement").variable("id", id).execute()
                .path("settlementStatement").entity(mapType()).get();
    }

    @SuppressWarnings("unchecked")
    static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
