package org.zhucan.network;

/** Makes user text safe inside {@code LIKE CONCAT('%', #{text}, '%')}: its own % and _ match only themselves. */
final class Like {

    private Like() {
    }

    static String escape(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
