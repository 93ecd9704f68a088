package org.zhucan.common.diet;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Enum sets to and from the comma-separated text of a MySQL SET column. */
final class CodedSets {

    private CodedSets() {
    }

    static <E extends Enum<E>> String codes(Collection<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> parse(String codes, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (codes != null && !codes.isBlank()) {
            for (String code : codes.split(",")) {
                values.add(Enum.valueOf(type, code.strip()));
            }
        }
        return Collections.unmodifiableSet(values);
    }
}
