package org.zhucan.common.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A page of a list in the Relay connection shape: edges with opaque cursors, page info and the
 * total number of rows that match the filter. The total may be counted only when it is asked for
 * ({@link #ofCountedWhenAsked}): a screen that pages through a list without showing its size (the
 * mini-program's home screen) then sends one statement, not two.
 */
public final class Connection<T> {

    private final List<Edge<T>> edges;
    private final PageInfo pageInfo;
    private final LongSupplier counter;
    private volatile Long counted;

    public Connection(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {
        this(edges, pageInfo, null, totalCount);
    }

    private Connection(List<Edge<T>> edges, PageInfo pageInfo, LongSupplier counter, Long counted) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.counter = counter;
        this.counted = counted;
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<Edge<T>> edges() {
        return edges;
    }

    public PageInfo pageInfo() {
        return pageInfo;
    }

    /** The rows matching the filter, counted on the first call when the page was built with a counter. */
    public long totalCount() {
        Long total = counted;
        if (total == null) {
            total = counter.getAsLong();
            counted = total;
        }
        return total;
    }

    /** The same page with each node mapped; the total stays uncounted until asked for. */
    public <R> Connection<R> map(Function<T, R> mapping) {
        List<Edge<R>> mapped = edges.stream().map(edge -> new Edge<>(edge.cursor(), mapping.apply(edge.node()))).toList();
        return new Connection<>(mapped, pageInfo, this::totalCount, counted);
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if any,
     * only tells that a next page exists.
     *
     * @param cursorOf the cursor of a row, from its sort key (see {@link Cursor#encode})
     */
    public static <T> Connection<T> of(List<T> fetched, PageRequest page, Function<T, String> cursorOf, long totalCount) {
        return build(fetched, page, cursorOf, null, totalCount);
    }

    /** {@link #of}, the total counted by {@code counter} (outside the caller's transaction) only if the client selects it. */
    public static <T> Connection<T> ofCountedWhenAsked(List<T> fetched, PageRequest page, Function<T, String> cursorOf, LongSupplier counter) {
        return build(fetched, page, cursorOf, counter, null);
    }

    private static <T> Connection<T> build(List<T> fetched, PageRequest page, Function<T, String> cursorOf, LongSupplier counter, Long counted) {
        boolean hasNext = fetched.size() > page.first();
        List<T> rows = hasNext ? fetched.subList(0, page.first()) : fetched;
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (T row : rows) {
            edges.add(new Edge<>(cursorOf.apply(row), row));
        }
        String start = edges.isEmpty() ? null : edges.get(0).cursor();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(List.copyOf(edges), new PageInfo(hasNext, page.hasAfter(), start, end), counter, counted);
    }
}
