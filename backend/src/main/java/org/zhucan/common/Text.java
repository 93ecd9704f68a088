package org.zhucan.common;

/** Text as it comes from forms: surrounding spaces dropped, and blank meaning "not given". */
public final class Text {

    private Text() {
    }

    /** The trimmed text, or null when it is null or blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
