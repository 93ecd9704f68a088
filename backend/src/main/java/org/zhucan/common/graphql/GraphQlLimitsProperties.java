package org.zhucan.common.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one GraphQL request may ask for ({@code zhucan.graphql.*}).
 *
 * @param maxDepth deepest nesting of fields a query may have (introspection is exempt: graphql-java's
 *     good-faith introspection check bounds it instead)
 * @param maxComplexity most fields, aliases included, a query may select
 * @param documentCacheSize how many distinct parsed and validated documents to keep
 */
@ConfigurationProperties("zhucan.graphql")
public record GraphQlLimitsProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("500") int maxComplexity,
        @DefaultValue("1000") int documentCacheSize) {
}
