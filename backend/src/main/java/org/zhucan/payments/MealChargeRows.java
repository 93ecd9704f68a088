package org.zhucan.payments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain meal charges as the JSON array {@code PaymentMapper.insertChargesOf} reads as a table:
 * {@code [{"m":method,"a":amountFen,"s":site,"d":diner,"r":record,"x":reference,"b":takenBy,"t":takenAt,"c":cashDate},...]},
 * the instant as its UTC wall-clock to the microsecond (as the driver writes every instant).
 */
final class MealChargeRows {

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private MealChargeRows() {
    }

    static String json(JsonMapper json, List<MealCharge> charges) {
        return json.writeValueAsString(charges.stream().map(MealChargeRows::row).toList());
    }

    private static Row row(MealCharge charge) {
        PaymentInput given = PaymentService.given(charge);
        PaymentMethod method = PaymentService.chargedBy(charge.amountFen(), given);
        return new Row(method.name(), charge.amountFen(), charge.siteId(), charge.dinerId(), charge.mealRecordId(), PaymentService.reference(method, given),
                charge.takenBy(), WALL_CLOCK.format(charge.takenAt()), charge.date().toString());
    }

    /** One row, its components named as the statement reads them. */
    record Row(String m, long a, long s, long d, long r, String x, String b, String t, String c) {
    }
}
