package org.zhucan.common.money;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money in integer fen (分). On the wire it is an exact decimal string in yuan
 * ({@code "12.50"}); floating point never touches it.
 */
public record Money(long fen) implements Comparable<Money>, java.io.Serializable {

    // At most 16 integer digits keeps every value inside a long of fen; no leading zeros, no exponent.
    private static final Pattern YUAN = Pattern.compile("(-)?(0|[1-9][0-9]{0,15})(?:\\.([0-9]{1,2}))?");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Reads an exact decimal amount in yuan such as {@code "12.5"}, {@code "12.50"} or {@code "-3"}.
     *
     * @throws IllegalArgumentException when the text is not such an amount (e.g. {@code "1.234"},
     *     {@code "abc"}, {@code ""}, {@code "1e3"})
     */
    public static Money parseYuan(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Money must be a decimal string in yuan, e.g. \"12.50\"");
        }
        Matcher matcher = YUAN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Money must be a decimal string in yuan with at most two decimals, e.g. \"12.50\"; got \""
                            + abbreviate(text) + "\"");
        }
        long yuan = Long.parseLong(matcher.group(2));
        String decimals = matcher.group(3) == null ? "0" : matcher.group(3);
        long cents = decimals.length() == 1 ? Long.parseLong(decimals) * 10 : Long.parseLong(decimals);
        long fen = yuan * 100 + cents;
        return new Money(matcher.group(1) == null ? fen : -fen);
    }

    /** The amount in yuan with exactly two decimals, e.g. {@code "12.50"}, {@code "-0.05"}. */
    public String toYuanString() {
        long magnitude = Math.abs(fen);
        String sign = fen < 0 ? "-" : "";
        return sign + (magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + (magnitude % 100);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }
}
