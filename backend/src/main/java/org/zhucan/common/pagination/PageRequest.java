package org.zhucan.common.pagination;

import org.zhucan.common.error.BadRequestException;

/**
 * The {@code first}/{@code after} arguments of a connection, checked. Mappers fetch
 * {@link #fetchSize()} rows (one more than asked) to learn whether another page follows
 * without counting.
 */
public record PageRequest(int first, String after) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("first must be between 1 and " + MAX_PAGE_SIZE, "first");
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : after);
    }

    public int fetchSize() {
        return first + 1;
    }

    public boolean hasAfter() {
        return after != null;
    }
}
