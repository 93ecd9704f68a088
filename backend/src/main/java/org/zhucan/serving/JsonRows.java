package org.zhucan.serving;

import java.util.List;
import java.util.function.BiConsumer;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Rows as one JSON array, for the statements that read them as a table with JSON_TABLE ({@link MealRecordMapper}'s month
 * keys, usage claims, items and shares): every key present, absent values as JSON null, text quoted as JSON requires. A
 * thousand rows bound one value at a time made statements of thousands of parameters that MyBatis built and the driver
 * parsed (or sized and copied) on every upload; as one parameter, a statement's text is constant.
 */
final class JsonRows {

    private static final JsonStringEncoder QUOTING = JsonStringEncoder.getInstance();

    private JsonRows() {
    }

    /** {@code [{"d":diner,"p":"D"|"M","s":"yyyy-mm-dd","m":meals,"l":mealsLimit,"f":subsidyFen,"c":capFen,"b":standing},...]} */
    static String usageClaims(List<MealRecordMapper.UsageClaim> claims) {
        return array(claims, 96, (json, claim) -> {
            if (!"D".equals(claim.period()) && !"M".equals(claim.period())) {
                throw new IllegalArgumentException("a usage claim's period is D or M, not " + claim.period());
            }
            json.append("{\"d\":").append(claim.dinerId()).append(",\"p\":\"").append(claim.period()).append("\",\"s\":\"").append(claim.periodStart())
                    .append("\",\"m\":").append(claim.meals()).append(",\"l\":").append(claim.mealsLimit()).append(",\"f\":").append(claim.subsidyFen())
                    .append(",\"c\":").append(claim.capFen()).append(",\"b\":").append(claim.standing()).append('}');
        });
    }

    /** {@code [{"r":record,"p":position,"d":dish,"s":setMeal,"n":name,"u":unitPriceFen,"q":quantity},...]} */
    static String items(List<MealRecordItem> items) {
        return array(items, 96, (json, item) -> {
            json.append("{\"r\":").append(item.recordId()).append(",\"p\":").append(item.position()).append(",\"d\":").append(item.dishId())
                    .append(",\"s\":");
            text(json, item.setMealName());
            json.append(",\"n\":");
            text(json, item.name());
            json.append(",\"u\":").append(item.unitPrice().fen()).append(",\"q\":").append(item.quantity()).append('}');
        });
    }

    /** {@code [{"r":record,"s":"SOURCE","a":amountFen},...]} */
    static String shares(List<MealRecordMapper.RecordShare> shares) {
        return array(shares, 48, (json, share) -> json.append("{\"r\":").append(share.recordId()).append(",\"s\":\"").append(share.source().name())
                .append("\",\"a\":").append(share.amountFen()).append('}'));
    }

    private static <T> String array(List<T> rows, int charsPerRow, BiConsumer<StringBuilder, T> row) {
        StringBuilder json = new StringBuilder(rows.size() * charsPerRow + 2).append('[');
        for (T each : rows) {
            if (json.length() > 1) {
                json.append(',');
            }
            row.accept(json, each);
        }
        return json.append(']').toString();
    }

    private static void text(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            json.append('"');
            QUOTING.quoteAsString(value, json);
            json.append('"');
        }
    }
}
