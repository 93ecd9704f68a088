package org.zhucan.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhucan.common.time.BusinessTime;

/**
 * What the fuzz test sends: for each kind of input value, the hostile values (blank, huge,
 * negative, zero, of the wrong type, odd Unicode, injection strings), and the plausible value a
 * field gets while another one is being attacked. Plausible values are chosen by field name first
 * (an {@code idempotencyKey} is fresh, a {@code siteId} is the test's own site), then by type.
 */
final class FuzzValues {

    private static final String LONG_TEXT = "测".repeat(30_000); // 90 kB of UTF-8: beyond a TEXT column
    /** Odd Unicode and injection at once: NUL, a lone surrogate, emoji, right-to-left text, SQL, GraphQL and HTML. */
    private static final String MIXED = "a\u0000b\ud800👵🏻\u202Eمرحبا' OR '1'='1'; DROP TABLE diner; -- \"}) { __schema { types { name } } } #"
            + "<script>alert(1)</script>";
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);
    private static final List<Object> STRINGS = List.of("", "   ", LONG_TEXT, MIXED, 42);
    private static final List<Object> IDS = List.of("", " ", "abc", "-1", "9223372036854775807", TWO_TO_63.toString(), "１２",
            new BigDecimal("1.5"));
    private static final List<Object> INTS = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2147483648L, new BigDecimal("1e400"), "1");
    private static final List<Object> FLOATS = List.of(0, -1, new BigDecimal("1e308"), new BigDecimal("1e400"), "1.5");
    private static final List<Object> BOOLEANS = List.of("true");
    private static final List<Object> DATES = List.of("", "2026-02-30", "-999999999-01-01", "+999999999-12-31", "9999-12-31", "0000-01-01");
    private static final List<Object> DATE_TIMES = List.of("", "2026-11-22T11:30:00", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00+18:00");
    private static final List<Object> TIMES = List.of("", "24:00", "23:59:59.999999999");
    private static final List<Object> MONTHS = List.of("", "2026-13", "+999999999-12", "-999999999-01", "9999-12");
    private static final List<Object> MONEY = List.of("", "1e400", "-0.01", "99999999999999999999.99", "92233720368547758.07", "0.001",
            new BigDecimal("12.5"));
    private static final List<Object> ENUMS = List.of("NOPE", 1);

    private final Map<String, Object> idsByName;
    private final Map<String, Object> idsByRootField;

    /**
     * @param idsByName      the plausible id for an argument or input field of that name, e.g. siteId
     * @param idsByRootField the plausible id for the {@code id} argument of a root field, e.g. site
     */
    FuzzValues(Map<String, Object> idsByName, Map<String, Object> idsByRootField) {
        this.idsByName = idsByName;
        this.idsByRootField = idsByRootField;
    }

    /** The hostile values for a leaf of this type (a scalar or enum name). */
    static List<Object> hostile(String typeName) {
        List<Object> values = new ArrayList<>(switch (typeName) {
            case "String" -> STRINGS;
            case "ID" -> IDS;
            case "Int" -> INTS;
            case "Float" -> FLOATS;
            case "Boolean" -> BOOLEANS;
            case "Date" -> DATES;
            case "DateTime" -> DATE_TIMES;
            case "Time" -> TIMES;
            case "YearMonth" -> MONTHS;
            case "Money" -> MONEY;
            default -> ENUMS;
        });
        values.add(null);
        return values;
    }

    /** Hostile lists: empty, holding a null, and a thousand and one copies of a plausible element. */
    static List<Object> hostileLists(Object element) {
        List<Object> values = new ArrayList<>();
        values.add(List.of());
        values.add(Collections.singletonList(null));
        values.add(Collections.nCopies(1001, element));
        values.add(null);
        return values;
    }

    /** A plausible value for a scalar or enum leaf named {@code name} of a root field (or input type) named {@code owner}. */
    Object plausible(String owner, String name, String typeName, List<String> enumValues) {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        switch (name) {
            case "idempotencyKey", "clientRecordId" -> {
                return "fz-" + UUID.randomUUID();
            }
            case "id" -> {
                return idsByRootField.getOrDefault(owner, "1");
            }
            case "username" -> {
                return "fuzz-nobody";
            }
            case "password" -> {
                return "not-the-password";
            }
            case "year" -> {
                return today.getYear();
            }
            case "slot" -> {
                return "LUNCH";
            }
            case "first" -> {
                return 5;
            }
            default -> {
                // by type below
            }
        }
        if (typeName.equals("ID")) {
            return idsByName.getOrDefault(name, "1");
        }
        return switch (typeName) {
            case "String" -> "模糊测试";
            case "Int" -> 1;
            case "Float" -> 30.5;
            case "Boolean" -> Boolean.FALSE;
            case "Date" -> today.toString();
            case "DateTime" -> OffsetDateTime.now(BusinessTime.ZONE).withNano(0).toString();
            case "Time" -> "11:30";
            case "YearMonth" -> YearMonth.from(today).toString();
            case "Money" -> "10.00";
            default -> enumValues.isEmpty() ? "NOPE" : enumValues.get(0);
        };
    }
}
