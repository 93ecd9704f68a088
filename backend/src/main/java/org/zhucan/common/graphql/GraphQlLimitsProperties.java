package org.zhucan.common.graphql;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what one GraphQL request may ask for ({@code zhucan.graphql.*}); README "Query cost and
 * time budget" explains how they are counted.
 *
 * @param maxDepth deepest nesting of fields a query may have, fragments counted as written out
 *     (introspection is exempt: graphql-java's good-faith introspection check bounds it instead)
 * @param maxComplexity highest cost a query may have: 1 per field (aliases included), a field with
 *     {@code first: n} costs 1 plus n times its selection, fragments count as written out
 * @param timeBudget how long a query may go on fetching before the fields not yet fetched are cut
 * @param reportTimeBudget the same for a query with a report among its root fields
 * @param reportFields the root query fields that are reports (each scans a month of records)
 * @param documentCacheSize how many distinct parsed and validated documents to keep
 */
@ConfigurationProperties("zhucan.graphql")
@Validated
public record GraphQlLimitsProperties(
        @DefaultValue("12") @Positive int maxDepth,
        @DefaultValue("10000") @Positive long maxComplexity,
        @DefaultValue("10s") @NotNull @DurationMin(inclusive = false) Duration timeBudget,
        @DefaultValue("120s") @NotNull @DurationMin(inclusive = false) Duration reportTimeBudget,
        @NotNull @DefaultValue({"settlementStatement", "settlementStatements", "reconciliation", "districtDashboard",
                "operatorEvaluations", "servingDashboard", "coverage"}) Set<String> reportFields,
        @DefaultValue("1000") @Positive int documentCacheSize) {
}
