package org.zhucan.serving;

import java.util.List;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Rows as one JSON array for a statement that reads them with JSON_TABLE ({@link MealRecordMapper#insertItems},
 * {@link MealRecordMapper#insertShares}): every key present, absent values as JSON null, text quoted as JSON requires.
 */
final class JsonRows {

    private static final JsonStringEncoder QUOTING = JsonStringEncoder.getInstance();

    private JsonRows() {
    }

    /** {@code [{"r":record,"p":position,"d":dish,"s":setMeal,"n":name,"u":unitPriceFen,"q":quantity},...]} */
    static String items(List<MealRecordItem> items) {
        StringBuilder json = new StringBuilder(items.size() * 96).append('[');
        for (MealRecordItem item : items) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"r\":").append(item.recordId()).append(",\"p\":").append(item.position()).append(",\"d\":").append(item.dishId())
                    .append(",\"s\":");
            text(json, item.setMealName());
            json.append(",\"n\":");
            text(json, item.name());
            json.append(",\"u\":").append(item.unitPrice().fen()).append(",\"q\":").append(item.quantity()).append('}');
        }
        return json.append(']').toString();
    }

    /** {@code [{"r":record,"s":"SOURCE","a":amountFen},...]} */
    static String shares(List<MealRecordMapper.RecordShare> shares) {
        StringBuilder json = new StringBuilder(shares.size() * 48).append('[');
        for (MealRecordMapper.RecordShare share : shares) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"r\":").append(share.recordId()).append(",\"s\":\"").append(share.source().name()).append("\",\"a\":")
                    .append(share.amountFen()).append('}');
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
