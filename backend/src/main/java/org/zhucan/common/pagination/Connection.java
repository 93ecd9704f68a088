package org.zhucan.common.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list in the Relay connection shape: edges with opaque cursors, page info and the
 * total number of rows that match the filter.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if any,
     * only tells that a next page exists.
     *
     * @param cursorOf the cursor of a row, from its sort key (see {@link Cursor#encode})
     */
    public static <T> Connection<T> of(List<T> fetched, PageRequest page, Function<T, String> cursorOf, long totalCount) {
        boolean hasNext = fetched.size() > page.first();
        List<T> rows = hasNext ? fetched.subList(0, page.first()) : fetched;
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (T row : rows) {
            edges.add(new Edge<>(cursorOf.apply(row), row));
        }
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(List.copyOf(edges), new PageInfo(hasNext, page.hasAfter(), start, end), totalCount);
    }
}
