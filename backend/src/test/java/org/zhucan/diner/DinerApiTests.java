package org.zhucan.diner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DinerApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    String xiHan;
    String kouDianTown;

    @BeforeEach
    void places() {
        xiHan = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        kouDianTown = jdbc.queryForObject("SELECT id FROM region WHERE name = '寇店镇'", String.class);
    }

    @Test
    void shouldRegisterWithDerivedBirthDateSexAndMaskedNumbers() {
        String idNumber = freshIdNumber(LocalDate.of(1945, 10, 1), true);
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", "王秀兰", "idNumber", idNumber, "phone", "13912345678", "homeCommunityId", xiHan,
                        "address", "西韩社区3号楼", "dietaryNotes", "低盐、软食",
                        "categories", List.of(Map.of("category", "MIN_LIVING", "evidenceRef", "低保证-2024-0012", "validFrom", "2024-01-01"))))
                .execute()
                .path("registerDiner.userErrors").entityList(Object.class).hasSize(0)
                .path("registerDiner.diner.idNumber").entity(String.class).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
                .path("registerDiner.diner.phone").entity(String.class).isEqualTo("139****5678")
                .path("registerDiner.diner.birthDate").entity(String.class).isEqualTo("1945-10-01")
                .path("registerDiner.diner.sex").entity(String.class).isEqualTo("MALE")
                .path("registerDiner.diner.age80").entity(Integer.class).isEqualTo(80)
                .path("registerDiner.diner.status").entity(String.class).isEqualTo("ACTIVE")
                .path("registerDiner.diner.homeCommunity.name").entity(String.class).isEqualTo("西韩社区")
                .path("registerDiner.diner.categories[0].category").entity(String.class).isEqualTo("MIN_LIVING");
    }

    @Test
    void shouldRejectBadLegacyDuplicateAndTooYoungNumbers() {
        String idNumber = register("李桂英", LocalDate.of(1940, 2, 29), false);
        assertRegisterError("410305400229122", "INVALID_ID_NUMBER", "15-digit");
        assertRegisterError(idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0'), "INVALID_ID_NUMBER", "check");
        assertRegisterError(idNumber, "DUPLICATE_ID_NUMBER", "already registered");
        assertRegisterError(freshIdNumber(LocalDate.now().minusYears(59), true), "TOO_YOUNG", "60");
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", "x", "idNumber", freshIdNumber(LocalDate.of(1950, 1, 1), true),
                        "homeCommunityId", kouDianTown, "address", "x"))
                .execute()
                .path("registerDiner.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REGION_LEVEL");
    }

    @Test
    void shouldShowEachRoleOnlyItsDiners() {
        String linked = dinerId(register("赵淑珍", LocalDate.of(1938, 5, 20), false));
        String other = dinerId(register("钱志强", LocalDate.of(1942, 7, 7), true));
        Canteens.linkFamily(as("admin"), "family", linked);

        List<String> familySees = as("family").documentName("diners").variable("first", 100).execute()
                .path("diners.edges[*].node.id").entityList(String.class).get();
        assertThat(familySees).contains(linked).doesNotContain(other);
        as("family").documentName("dinerById").variable("id", other).execute().path("diner").valueIsNull();
        as("family").documentName("dinerById").variable("id", linked).execute().path("diner.name").entity(String.class).isEqualTo("赵淑珍");

        // an operator's staff see only diners who booked at its sites; these two never did
        as("operator").documentName("dinerById").variable("id", other).execute().path("diner").valueIsNull();
        as("operator").documentName("diners").variable("first", 100).execute()
                .path("diners.edges[*].node.id").entityList(String.class).doesNotContain(linked, other);
        as("finance").documentName("dinerById").variable("id", other).execute().path("diner.name").entity(String.class).isEqualTo("钱志强");
        as("inspector").documentName("diners").execute().errors()
                .satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        as("admin").documentName("linkFamilyMember").variable("input", Map.of("username", "operator", "dinerId", linked, "relation", "x"))
                .execute().path("linkFamilyMember.userErrors[0].code").entity(String.class).isEqualTo("INVALID_FAMILY_ACCOUNT");
    }

    @Test
    void shouldFindADinerByFullIdNumberThroughTheHash() {
        String idNumber = register("孙玉兰", LocalDate.of(1936, 12, 31), false);
        as("admin").documentName("diners").variable("filter", Map.of("idNumber", idNumber.toLowerCase())).execute()
                .path("diners.totalCount").entity(Integer.class).isEqualTo(1)
                .path("diners.edges[0].node.name").entity(String.class).isEqualTo("孙玉兰");
    }

    @Test
    void shouldRevealTheFullNumberOnlyToAdminsAndAuditTheReasonNotTheNumber() {
        String idNumber = register("周建国", LocalDate.of(1944, 4, 4), true);
        String id = dinerId(idNumber);
        as("admin").documentName("dinerRevealIdNumber").variable("input", Map.of("dinerId", id, "reason", "核对低保证明"))
                .execute().path("revealIdNumber.idNumber").entity(String.class).isEqualTo(idNumber);
        as("finance").documentName("dinerRevealIdNumber").variable("input", Map.of("dinerId", id, "reason", "x"))
                .execute().errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        String audit = jdbc.queryForObject("SELECT after_state FROM audit_log WHERE action = 'ID_NUMBER_REVEALED' AND entity_id = ? ORDER BY id DESC LIMIT 1",
                String.class, id);
        assertThat(audit).contains("核对低保证明").doesNotContain(idNumber);
    }

    @Test
    void shouldKeepRawNumbersOutOfTheDatabaseAndTheLogs(CapturedOutput output) {
        String phone = "137" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String idNumber = freshIdNumber(LocalDate.of(1939, 9, 9), true);
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", "吴德明", "idNumber", idNumber, "phone", phone, "homeCommunityId", xiHan, "address", "西韩"))
                .execute().path("registerDiner.userErrors").entityList(Object.class).hasSize(0);
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", "吴德明", "idNumber", idNumber, "phone", phone, "homeCommunityId", xiHan, "address", "西韩"))
                .execute().path("registerDiner.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_ID_NUMBER");
        List<Map<String, Object>> textColumns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'longtext', 'mediumtext', 'json')""");
        for (Map<String, Object> column : textColumns) {
            String sql = "SELECT COUNT(*) FROM `" + column.get("table_name") + "` WHERE `" + column.get("column_name") + "` LIKE ? OR `"
                    + column.get("column_name") + "` LIKE ?";
            assertThat(jdbc.queryForObject(sql, Integer.class, "%" + idNumber + "%", "%" + phone + "%"))
                    .as("raw number in %s.%s", column.get("table_name"), column.get("column_name")).isZero();
        }
        assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(phone);
    }

    @Test
    void shouldSendTheSameNumberOfStatementsForFiveDinersAsForFifty() {
        String name = "批量" + System.nanoTime();
        for (int i = 0; i < 50; i++) {
            String idNumber = freshIdNumber(LocalDate.of(1930 + i % 25, 1 + i % 12, 1 + i % 28), i % 2 == 0);
            as("admin").documentName("registerDiner")
                    .variable("input", Map.of("name", name + "-" + String.format("%02d", i), "idNumber", idNumber, "homeCommunityId", xiHan,
                            "address", "西韩", "categories", List.of(Map.of("category", "LIVING_ALONE", "evidenceRef", "E" + i, "validFrom", "2025-01-01"))))
                    .execute().path("registerDiner.userErrors").entityList(Object.class).hasSize(0);
        }
        assertStatementsDoNotGrow(() -> statementsFor(name, 5), () -> statementsFor(name, 50));
    }

    @Test
    void shouldShowAFamilyTheMealCardsOfFiveDinersInAsManyStatementsAsOfOne() {
        String family = TestAccounts.create(jdbc, "DINER", null, null, "五位老人的家属");
        String name = "饭卡" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            String id = dinerId(register(name + "-" + i, LocalDate.of(1935 + i, 1 + i, 1 + i), i % 2 == 0));
            Canteens.linkFamily(as("admin"), family, id);
        }
        assertStatementsDoNotGrow(() -> mealCardStatements(family, name, 1), () -> mealCardStatements(family, name, 5));
    }

    @Test
    void shouldRecordStatusAndAssessments() {
        String id = dinerId(register("郑秀英", LocalDate.of(1933, 3, 3), false));
        String today = LocalDate.now(org.zhucan.common.time.BusinessTime.ZONE).toString();
        as("admin").documentName("dinerRecordAssessment")
                .variable("input", Map.of("dinerId", id, "level", 5, "assessedOn", today, "assessor", "评估员"))
                .execute().path("recordAbilityAssessment.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        as("admin").documentName("dinerRecordAssessment")
                .variable("input", Map.of("dinerId", id, "level", 3, "assessedOn", today, "assessor", "评估员"))
                .execute().path("recordAbilityAssessment.diner.assessments[0].level").entity(Integer.class).isEqualTo(3);
        as("admin").documentName("dinerChangeStatus")
                .variable("input", Map.of("dinerId", id, "status", "SUSPENDED", "effectiveOn", today, "reason", "住院"))
                .execute().path("changeDinerStatus.diner.status").entity(String.class).isEqualTo("SUSPENDED");
        as("admin").documentName("dinerById").variable("id", id).execute()
                .path("diner.statusHistory[*].toStatus").entityList(String.class).containsExactly("ACTIVE", "SUSPENDED")
                .path("diner.statusHistory[1].reason").entity(String.class).isEqualTo("住院");
        as("admin").documentName("dinerChangeStatus").variable("input", Map.of("dinerId", id, "status", "ACTIVE", "effectiveOn", "2020-01-01"))
                .execute().path("changeDinerStatus.userErrors[0].code").entity(String.class).isEqualTo("INVALID_DATE_RANGE");
    }

    @Test
    void shouldVersionCategoriesSoTheHistoryKeepsWhatWasReplaced() {
        String id = dinerId(register("冯桂芝", LocalDate.of(1941, 4, 4), false));
        Map<String, Object> minLiving = Map.of("category", "MIN_LIVING", "evidenceRef", "低保证-2025-0101", "validFrom", "2025-01-01");
        Map<String, Object> leftBehind = Map.of("category", "LEFT_BEHIND", "evidenceRef", "留守登记-17", "validFrom", "2025-03-01");
        as("admin").documentName("dinerUpdateCategories").variable("input", Map.of("dinerId", id, "categories", List.of(minLiving)))
                .execute().path("updateDiner.diner.categories[*].category").entityList(String.class).containsExactly("MIN_LIVING");
        // the same list again changes nothing: no new version
        as("admin").documentName("dinerUpdateCategories").variable("input", Map.of("dinerId", id, "categories", List.of(minLiving)))
                .execute().path("updateDiner.diner.categoryHistory").entityList(Object.class).hasSize(1);
        as("admin").documentName("dinerUpdateCategories").variable("input", Map.of("dinerId", id, "categories", List.of(leftBehind)))
                .execute()
                .path("updateDiner.diner.categories[*].category").entityList(String.class).containsExactly("LEFT_BEHIND")
                .path("updateDiner.diner.categoryHistory[*].category").entityList(String.class)
                .containsExactly("MIN_LIVING", "LEFT_BEHIND")
                .path("updateDiner.diner.categoryHistory[*].source").entityList(String.class).containsExactly("REGISTRY", "REGISTRY")
                .path("updateDiner.diner.categoryHistory[0].supersededAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank())
                .path("updateDiner.diner.categoryHistory[1].supersededAt").valueIsNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DINER_CATEGORIES_CHANGED' AND entity_id = ?",
                Integer.class, id)).isEqualTo(2);
    }

    private long statementsFor(String name, int first) {
        as("admin").documentName("diners").variable("filter", Map.of("name", name)).variable("first", first).execute();
        return statementsDuring(() -> as("admin").documentName("diners").variable("filter", Map.of("name", name))
                .variable("first", first).execute()
                .path("diners.edges").entityList(Object.class).hasSize(first)
                .path("diners.edges[0].node.homeCommunity.parent.name").entity(String.class).isEqualTo("孝文街道")
                .path("diners.edges[0].node.categories[0].category").entity(String.class).isEqualTo("LIVING_ALONE"));
    }

    /** Statements for a family's diners page with every meal card on it, after a warm-up of the same request. */
    private long mealCardStatements(String family, String name, int first) {
        Runnable read = () -> as(family).documentName("dinerMealCards").variable("filter", Map.of("name", name)).variable("first", first)
                .execute()
                .path("diners.edges").entityList(Object.class).hasSize(first)
                .path("diners.edges[*].node.mealCardQr").entityList(String.class)
                .satisfies(cards -> assertThat(cards).hasSize(first).allSatisfy(card -> assertThat(card).startsWith("ZCD1.")));
        read.run();
        return statementsDuring(read);
    }

    private String register(String name, LocalDate birthDate, boolean male) {
        String idNumber = freshIdNumber(birthDate, male);
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", name, "idNumber", idNumber, "homeCommunityId", xiHan, "address", "西韩社区"))
                .execute().path("registerDiner.userErrors").entityList(Object.class).hasSize(0);
        return idNumber;
    }

    private String dinerId(String idNumber) {
        return as("admin").documentName("diners").variable("filter", Map.of("idNumber", idNumber)).execute()
                .path("diners.edges[0].node.id").entity(String.class).get();
    }

    private void assertRegisterError(String idNumber, String code, String messagePart) {
        as("admin").documentName("registerDiner")
                .variable("input", Map.of("name", "x", "idNumber", idNumber, "homeCommunityId", xiHan, "address", "x"))
                .execute()
                .path("registerDiner.userErrors[0].code").entity(String.class).isEqualTo(code)
                .path("registerDiner.userErrors[0].message").entity(String.class).satisfies(message -> assertThat(message).contains(messagePart));
    }

    private String freshIdNumber(LocalDate birthDate, boolean male) {
        return new DinerFixtures(as("admin"), jdbc).freshIdNumber(birthDate, male);
    }
}
