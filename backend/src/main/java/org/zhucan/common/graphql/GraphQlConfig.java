package org.zhucan.common.graphql;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * GraphQL engine settings shared by every feature: query limits, the parsed-document cache and
 * the schema-mapping report. (The login requirement on every root field is security's own:
 * {@code org.zhucan.security.AuthenticationRequired}.)
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

    private static final Logger log = LoggerFactory.getLogger(GraphQlConfig.class);

    @Bean
    @Order(1)
    Instrumentation queryLimits(GraphQlLimitsProperties limits) {
        return new QueryLimits(limits.maxDepth(), limits.maxComplexity());
    }

    @Bean
    @Order(2)
    Instrumentation requestTimeBudget(GraphQlLimitsProperties limits) {
        return new RequestTimeBudget(limits.timeBudget(), limits.reportTimeBudget(), limits.reportFields());
    }

    @Bean
    ParsedDocumentCache parsedDocumentCache(GraphQlLimitsProperties limits) {
        return new ParsedDocumentCache(limits.documentCacheSize());
    }

    @Bean
    MeterBinder parsedDocumentCacheMetrics(ParsedDocumentCache cache) {
        return registry -> CaffeineCacheMetrics.monitor(registry, cache.cache(), "graphql.documents");
    }

    @Bean
    SchemaMappingReport schemaMappingReport() {
        return new SchemaMappingReport();
    }

    @Bean
    GraphQlSourceBuilderCustomizer zhucanGraphQlSource(ParsedDocumentCache documents, SchemaMappingReport report,
                                                       ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder
                .inspectSchemaMappings(schemaReport -> {
                    report.set(schemaReport);
                    if (!SchemaMappingReport.isClean(schemaReport)) {
                        log.warn("GraphQL schema mapping is incomplete: {}", schemaReport);
                    }
                })
                .configureGraphQl(graphQl -> {
                    graphQl.preparsedDocumentProvider(documents);
                    // the instrumentations Spring Boot hands the builder, in its order, in a chain that
                    // skips the per-field hooks none of them uses
                    List<Instrumentation> chain = instrumentations.orderedStream().toList();
                    if (!chain.isEmpty()) {
                        graphQl.instrumentation(new LeanInstrumentationChain(chain));
                    }
                });
    }
}
