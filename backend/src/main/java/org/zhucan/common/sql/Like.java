package org.zhucan.common.sql;

/** Makes user text safe inside {@code LIKE CONCAT('%', #{text}, '%')}: its own % and _ match only themselves. */
public final class Like {

    private Like() {
    }

    public static String escape(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
