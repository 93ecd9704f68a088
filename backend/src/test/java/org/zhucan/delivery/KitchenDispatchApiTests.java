package org.zhucan.delivery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A central kitchen's production sheet lists the points it supplies with their dispatch; the kitchen records the
 * portions sent once per point, date and slot, and the point what arrived, with a note when they differ.
 */
class KitchenDispatchApiTests extends ApiTest {

    private static final String DISPATCH = """
            mutation($input: RecordKitchenDispatchInput!) { recordKitchenDispatch(input: $input) { dispatch { id portionsSent } userErrors { code field } } }""";
    private static final String RECEIPT = """
            mutation($input: RecordDispatchReceiptInput!) { recordDispatchReceipt(input: $input) {
              dispatch { portionsReceived discrepancy discrepancyNote receivedBy } userErrors { code field } } }""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldReadTheProductionSheetWithAsManyStatementsForThreePointsAsForOne() {
        logInDemoAccounts();
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        String kitchen = site(fixtures, "CENTRAL_KITCHEN", null);
        site(fixtures, "MEAL_POINT", kitchen);
        LocalDate date = BookingFixtures.today().plusDays(3);
        Runnable sheet = () -> as("operator").document("""
                        query($k: ID!, $d: Date!) { kitchenProductionSheet(kitchenId: $k, date: $d, slot: LUNCH) {
                          totalPortions points { point { id } bookedPortions items { name quantity } dispatch { portionsSent } } } }""")
                .variable("k", kitchen).variable("d", date.toString()).execute().path("kitchenProductionSheet.points").hasValue();
        sheet.run();
        long atOnePoint = fewestStatements(sheet, 0);
        site(fixtures, "MEAL_POINT", kitchen);
        site(fixtures, "MEAL_POINT", kitchen);
        sheet.run();
        assertThat(fewestStatements(sheet, atOnePoint)).as("statements at three points").isEqualTo(atOnePoint);
    }

    @Test
    void shouldRecordWhatTheKitchenSentAndWhatEachPointReceived() {
        logInDemoAccounts();
        BookingFixtures fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        String kitchen = site(fixtures, "CENTRAL_KITCHEN", null);
        String point = site(fixtures, "MEAL_POINT", kitchen);
        String elsewhere = site(fixtures, "MEAL_POINT", null);
        LocalDate date = BookingFixtures.today().plusDays(2);

        String dispatch = as("operator").document(DISPATCH).variable("input", Map.of("kitchenId", kitchen, "pointId", point, "date", date.toString(),
                        "slot", "LUNCH", "portionsSent", 40)).execute()
                .path("recordKitchenDispatch.userErrors").entityList(Object.class).hasSize(0)
                .path("recordKitchenDispatch.dispatch.id").entity(String.class).get();
        as("operator").document(DISPATCH).variable("input", Map.of("kitchenId", kitchen, "pointId", point, "date", date.toString(),
                        "slot", "LUNCH", "portionsSent", 41)).execute()
                .path("recordKitchenDispatch.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        as("operator").document(DISPATCH).variable("input", Map.of("kitchenId", kitchen, "pointId", elsewhere, "date", date.toString(),
                        "slot", "LUNCH", "portionsSent", 5)).execute()
                .path("recordKitchenDispatch.userErrors[0].field[1]").entity(String.class).isEqualTo("pointId");

        // two portions short: refused without a note, recorded with one
        as("operator").document(RECEIPT).variable("input", Map.of("dispatchId", dispatch, "portionsReceived", 38)).execute()
                .path("recordDispatchReceipt.userErrors[0].field[1]").entity(String.class).isEqualTo("discrepancyNote");
        as("operator").document(RECEIPT).variable("input", Map.of("dispatchId", dispatch, "portionsReceived", 38, "discrepancyNote", "两份汤洒")).execute()
                .path("recordDispatchReceipt.dispatch.discrepancy").entity(Integer.class).isEqualTo(2)
                .path("recordDispatchReceipt.dispatch.receivedBy").entity(String.class).isEqualTo("operator");
        as("operator").document(RECEIPT).variable("input", Map.of("dispatchId", dispatch, "portionsReceived", 40)).execute()
                .path("recordDispatchReceipt.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_STATUS_TRANSITION");

        as("operator").document("""
                        query($k: ID!, $d: Date!) { kitchenProductionSheet(kitchenId: $k, date: $d, slot: LUNCH) {
                          kitchen { id } totalPortions points { point { id } bookedPortions dispatch { portionsSent portionsReceived } } } }""")
                .variable("k", kitchen).variable("d", date.toString()).execute()
                .path("kitchenProductionSheet.points[*].point.id").entityList(String.class).containsExactly(point)
                .path("kitchenProductionSheet.points[0].dispatch.portionsSent").entity(Integer.class).isEqualTo(40)
                .path("kitchenProductionSheet.points[0].dispatch.portionsReceived").entity(Integer.class).isEqualTo(38);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'KitchenDispatch' AND entity_id = ?", Integer.class, dispatch))
                .isEqualTo(2);
        // a site that is not a central kitchen has no production sheet
        as("operator").document("query($k: ID!, $d: Date!) { kitchenProductionSheet(kitchenId: $k, date: $d, slot: LUNCH) { totalPortions } }")
                .variable("k", point).variable("d", date.toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private String site(BookingFixtures fixtures, String kind, String suppliedBy) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "厨房测试" + kind + System.nanoTime(), "kind", kind, "communityId", fixtures.community(),
                "operatorId", fixtures.operatorId(), "address", "测试路1号"));
        if (!"CENTRAL_KITCHEN".equals(kind)) {
            input.put("slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 20)));
            input.put("fulfilments", List.of(Map.of("mode", "DINE_IN")));
        }
        if (suppliedBy != null) {
            input.put("suppliedById", suppliedBy);
        }
        return as("admin").documentName("createSite").variable("input", input).execute()
                .path("createSite.userErrors").entityList(Object.class).hasSize(0)
                .path("createSite.site.id").entity(String.class).get();
    }
}
