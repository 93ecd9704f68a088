package org.zhucan.common.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.zhucan.common.error.BadRequestException;

/**
 * An opaque keyset cursor: the sort key of one row, encoded so that clients treat it as a token.
 * A list sorted by {@code (date, id)} encodes both; one sorted by id encodes the id.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... keyParts) {
        StringBuilder plain = new StringBuilder(VERSION);
        for (Object part : keyParts) {
            plain.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor back into its key parts.
     *
     * @throws BadRequestException naming {@code after} when the text is not a cursor with that many parts
     */
    public static List<String> decode(String cursor, int expectedParts) {
        List<String> parts = decode(cursor);
        if (parts.size() != expectedParts) {
            throw notACursor();
        }
        return parts;
    }

    /**
     * Reads a cursor back into all its key parts.
     *
     * @throws BadRequestException naming {@code after} when the text is not a cursor
     */
    public static List<String> decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(plain.split(SEPARATOR, -1));
            if (parts.size() > 1 && parts.get(0).equals(VERSION)) {
                return List.copyOf(parts.subList(1, parts.size()));
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw notACursor();
    }

    private static BadRequestException notACursor() {
        return new BadRequestException("after is not a cursor returned by this list", "after");
    }

    /** The single numeric key of a cursor over a list sorted by id. */
    public static long decodeId(String cursor) {
        return idPart(decode(cursor, 1).get(0));
    }

    /** A numeric key part of a decoded cursor. */
    public static long idPart(String keyPart) {
        try {
            return Long.parseLong(keyPart);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }
}
