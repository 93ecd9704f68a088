package org.zhucan.common.pagination;

import java.util.List;

import org.springframework.context.annotation.Primary;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.stereotype.Component;

/**
 * Zhucan's cursors for Spring for GraphQL: keyset positions as opaque {@link Cursor} strings.
 *
 * <p>Primary, so that Spring Boot's GraphQL auto-configuration takes it instead of its Spring
 * Data (ScrollPosition) strategy and so leaves out the Window/Slice connection adapter. That
 * adapter would turn every failed connection field (UNAUTHORIZED, FORBIDDEN, BAD_REQUEST) into an
 * empty page plus a second, misleading error about a null {@code totalCount}.
 */
@Component
@Primary
public class KeysetCursorStrategy implements CursorStrategy<List<String>> {

    @Override
    public boolean supports(Class<?> targetType) {
        return List.class.isAssignableFrom(targetType);
    }

    @Override
    public String toCursor(List<String> keyParts) {
        return Cursor.encode(keyParts.toArray());
    }

    @Override
    public List<String> fromCursor(String cursor) {
        return Cursor.decode(cursor);
    }
}
