package org.zhucan.common.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps parsed and validated documents by their text, so the mini-program's handful of
 * operations, sent thousands of times at lunchtime, are parsed and validated once.
 */
public class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    public ParsedDocumentCache(int maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput executionInput, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(
                documents.get(executionInput.getQuery(), query -> parseAndValidate.apply(executionInput)));
    }

    public CacheStats stats() {
        return documents.stats();
    }

    Cache<String, PreparsedDocumentEntry> cache() {
        return documents;
    }
}
