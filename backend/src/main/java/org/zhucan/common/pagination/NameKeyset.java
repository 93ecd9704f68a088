package org.zhucan.common.pagination;

import java.util.List;

/**
 * The keyset position of a list sorted by name, then id: mappers take {@code name > after.name
 * OR (name = after.name AND id > after.id)}. Both parts are null on the first page.
 */
public record NameKeyset(String name, Long id) {

    /** The position after which a page starts, read from its {@code after} cursor. */
    public static NameKeyset after(PageRequest page) {
        if (!page.hasAfter()) {
            return new NameKeyset(null, null);
        }
        List<String> position = Cursor.decode(page.after(), 2);
        return new NameKeyset(position.get(0), Cursor.idPart(position.get(1)));
    }

    /** The cursor of a row with this name and id. */
    public static String cursor(String name, long id) {
        return Cursor.encode(name, id);
    }
}
