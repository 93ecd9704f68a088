package org.zhucan.common.sql;

/**
 * Receives the id an INSERT generated: pass it as a mapper parameter and name it in
 * {@code keyProperty}, e.g. {@code keyProperty="key.value"}.
 */
public final class GeneratedKey {

    private Long value;

    public long value() {
        if (value == null) {
            throw new IllegalStateException("the insert generated no key");
        }
        return value;
    }
}
