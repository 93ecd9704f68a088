package org.zhucan.common.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The two halves of every batched resolver: collect the keys of all parents, load once, and hand
 * each parent its share. Keeps {@code @BatchMapping} methods to one line of intent.
 */
public final class Batches {

    private Batches() {
    }

    /** The distinct, non-null keys the parents refer to. */
    public static <S> List<Long> keys(Collection<S> parents, Function<S, Long> keyOf) {
        return parents.stream().map(keyOf).filter(Objects::nonNull).distinct().toList();
    }

    /** Rows grouped by key, in row order; every requested key is present, with an empty list when it has no rows. */
    public static <T> Map<Long, List<T>> group(Collection<Long> keys, List<T> rows, Function<T, Long> keyOf) {
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        rows.forEach(row -> grouped.get(keyOf.apply(row)).add(row));
        return grouped;
    }

    /** Each parent with the value loaded for its key; null where the parent has no key. */
    public static <S, V> Map<S, V> perParent(List<S> parents, Function<S, Long> keyOf, Map<Long, V> byKey) {
        Map<S, V> result = new LinkedHashMap<>();
        parents.forEach(parent -> {
            Long key = keyOf.apply(parent);
            result.put(parent, key == null ? null : byKey.get(key));
        });
        return result;
    }
}
