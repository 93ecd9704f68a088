package org.zhucan.serving;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BindException;
import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.PaymentInput;
import org.zhucan.payments.PaymentMethod;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** uploadMealRecords' argument as graphql-java hands it over (IDs as text, enums by name, scalars as their Java values), read by Jackson. */
class UploadArgumentTests {

    private final UploadArgument argument = new UploadArgument(JsonMapper.builder().build());

    @Test
    void shouldReadEveryFieldAsTheBinderDid() throws BindException {
        Instant servedAt = Instant.parse("2026-12-03T03:15:30.123456Z");
        Map<String, Object> record = new HashMap<>();
        record.put("clientRecordId", "dev-00000001");
        record.put("slot", "LUNCH");
        record.put("servedAt", servedAt);
        record.put("pickupCode", "123456");
        record.put("bookingQr", null);
        record.put("dinerId", "42");
        record.put("verification", Map.of("method", "STAFF_PROXY", "proxyReason", "老人无法出示证件"));
        record.put("items", List.of(Map.of("dishId", "7", "quantity", 2), Map.of("setMealName", "套餐\"A\"")));
        record.put("price", Money.ofFen(1250));
        record.put("payment", Map.of("method", "WECHAT", "externalReference", "wx-1"));

        UploadMealRecordsInput input = argument.read(Map.of("siteId", "5", "records", List.of(record)));

        assertThat(input).isEqualTo(new UploadMealRecordsInput(5, List.of(new OfflineMealRecordInput("dev-00000001", MealSlot.LUNCH, servedAt,
                "123456", null, 42L, new VerificationInput(VerificationMethod.STAFF_PROXY, null, null, null, "老人无法出示证件", null, null),
                List.of(new MealItemInput(7L, null, 2), new MealItemInput(null, "套餐\"A\"", null)), Money.ofFen(1250),
                new PaymentInput(PaymentMethod.WECHAT, "wx-1")))));
    }

    @Test
    void shouldNameTheValueItCannotReadAsTheBinderDid() {
        Map<String, Object> record = new HashMap<>(Map.of("clientRecordId", "dev-00000002", "slot", "BRUNCH"));
        assertThatThrownBy(() -> argument.read(Map.of("siteId", "5", "records", List.of(Map.of("clientRecordId", "dev-00000001"), record))))
                .isInstanceOfSatisfying(BindException.class, refused -> assertThat(refused.getFieldErrors())
                        .extracting(error -> error.getField()).containsExactly("records[1].slot"));
    }
}
