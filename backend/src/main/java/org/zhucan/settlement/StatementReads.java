package org.zhucan.settlement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.pagination.PageRequest;

/**
 * The statements one GraphQL request has read, each header with the parts read in the same
 * snapshot, kept in the request's {@link GraphQLContext}. The field that reads statements (a root
 * query, a mutation, the reconciliation) asks the service for the parts its selection names and
 * registers them here; the nested fields (lines, totals, contentVerified, flaggedRecords) then
 * answer from here, so that a response never pairs a header of one generation with lines of the
 * next. A header is the key: its version changes with every generation, so an equal header is the
 * same generation wherever in the response it was read.
 */
final class StatementReads {

    private static final String KEY = StatementReads.class.getName();

    private final Map<SettlementStatement, List<StatementContents>> byHeader = new ConcurrentHashMap<>();

    static StatementReads of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new StatementReads());
    }

    /**
     * The parts of a statement that a selection asks for below {@code path} (e.g. {@code "edges/node/"},
     * {@code "statement/"}, or {@code ""} for the statement itself), with fragments expanded.
     */
    static StatementParts selected(DataFetchingFieldSelectionSet selection, String path) {
        Set<PageRequest> pages = new HashSet<>();
        for (SelectedField field : selection.getFields(path + "flaggedRecords")) {
            try {
                pages.add(PageRequest.of((Integer) field.getArguments().get("first"), (String) field.getArguments().get("after")));
            } catch (BadRequestException | ClassCastException e) {
                // not a page this read can serve: the field reports its own arguments' error
            }
        }
        return new StatementParts(selection.contains(path + "lines"), selection.contains(path + "totals"),
                selection.contains(path + "contentVerified"), pages);
    }

    StatementReads add(StatementContents contents) {
        contents.statements().forEach(statement -> byHeader.computeIfAbsent(statement, header -> new CopyOnWriteArrayList<>()).add(contents));
        return this;
    }

    /** A part of a statement as read with this very header, or null when no read of this request has it. */
    <K, V> V part(SettlementStatement statement, Function<StatementContents, Map<K, V>> part, K key) {
        for (StatementContents contents : byHeader.getOrDefault(statement, List.of())) {
            V value = part.apply(contents).get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * Each statement's part, as read with its header; any statement reached without it (a path
     * that did not ask ahead) gets it from {@code load}, once for all such statements.
     */
    <V> Map<SettlementStatement, V> resolve(List<SettlementStatement> statements, Function<StatementContents, Map<Long, V>> part,
                                            Function<List<SettlementStatement>, Map<Long, V>> load) {
        Map<SettlementStatement, V> result = new LinkedHashMap<>();
        List<SettlementStatement> missing = new ArrayList<>();
        for (SettlementStatement statement : statements) {
            V value = part(statement, part, statement.id());
            if (value == null) {
                missing.add(statement);
            }
            result.put(statement, value);
        }
        if (!missing.isEmpty()) {
            Map<Long, V> loaded = load.apply(missing);
            missing.forEach(statement -> result.put(statement, loaded.get(statement.id())));
        }
        return result;
    }
}
