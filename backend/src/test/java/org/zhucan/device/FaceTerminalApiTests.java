package org.zhucan.device;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.FaceTerminals;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The face terminal registry over HTTP: who may register, rotate, disable and read, what is shown once, and the audit. */
class FaceTerminalApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    String site;

    @BeforeEach
    void fixtures() {
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        site = fixtures.canteen(30, LocalTime.of(9, 30));
    }

    @Test
    void shouldShowTheKeyOnceAtRegistrationAndKeepItOnlySealed() {
        String serial = "SN-" + UUID.randomUUID();
        GraphQlTester.Response registered = register("admin", site, "一号窗口", serial);
        registered.path("registerFaceTerminal.userErrors").entityList(Object.class).hasSize(0)
                .path("registerFaceTerminal.keyVersion").entity(Integer.class).isEqualTo(1)
                .path("registerFaceTerminal.terminal.name").entity(String.class).isEqualTo("一号窗口")
                .path("registerFaceTerminal.terminal.serialNumber").entity(String.class).isEqualTo(serial)
                .path("registerFaceTerminal.terminal.status").entity(String.class).isEqualTo("ACTIVE")
                .path("registerFaceTerminal.terminal.keyVersion").entity(Integer.class).isEqualTo(1)
                .path("registerFaceTerminal.terminal.registeredBy").entity(String.class).isEqualTo("admin")
                .path("registerFaceTerminal.terminal.site.id").entity(String.class).isEqualTo(site);
        String key = registered.path("registerFaceTerminal.secretKey").entity(String.class).get();
        String id = registered.path("registerFaceTerminal.terminal.id").entity(String.class).get();
        assertThat(key).matches("[0-9a-f]{64}");

        // a second read shows the terminal, and no key: neither the list nor anything else the API returns holds it
        for (String reader : List.of("admin", "operator")) {
            GraphQlTester.Response read = terminals(reader, site);
            read.path("faceTerminals[*].id").entityList(String.class).containsExactly(id)
                    .path("faceTerminals[0].serialNumber").entity(String.class).isEqualTo(serial)
                    .path("faceTerminals[0].keyVersion").entity(Integer.class).isEqualTo(1)
                    .path("faceTerminals[0].disabledAt").valueIsNull();
            assertThat(read.path("faceTerminals").entityList(Map.class).get().toString()).doesNotContain(key);
        }
        // the database keeps it sealed (AES-GCM), never in clear
        String stored = jdbc.queryForObject("SELECT secret FROM face_terminal_key WHERE terminal_id = ? AND version = 1", String.class,
                Long.valueOf(id));
        assertThat(stored).startsWith("v1:").doesNotContain(key);
        // a second terminal gets a key of its own
        assertThat(FaceTerminals.register(as("admin"), site).key()).isNotEqualTo(key);
    }

    @Test
    void shouldRotateToANewVersionAndDisableForGood() {
        GraphQlTester.Response registered = register("admin", site, "二号窗口", "SN-" + UUID.randomUUID());
        String id = registered.path("registerFaceTerminal.terminal.id").entity(String.class).get();
        String first = registered.path("registerFaceTerminal.secretKey").entity(String.class).get();

        GraphQlTester.Response rotated = rotate("admin", id);
        rotated.path("rotateFaceTerminalKey.userErrors").entityList(Object.class).hasSize(0)
                .path("rotateFaceTerminalKey.keyVersion").entity(Integer.class).isEqualTo(2)
                .path("rotateFaceTerminalKey.terminal.keyVersion").entity(Integer.class).isEqualTo(2);
        assertThat(rotated.path("rotateFaceTerminalKey.secretKey").entity(String.class).get()).matches("[0-9a-f]{64}").isNotEqualTo(first);
        assertThat(jdbc.queryForList("SELECT retired_at IS NULL FROM face_terminal_key WHERE terminal_id = ? ORDER BY version", Boolean.class,
                Long.valueOf(id))).containsExactly(false, true);

        disable("admin", id, " ")
                .path("disableFaceTerminal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        disable("admin", id, "设备丢失")
                .path("disableFaceTerminal.userErrors").entityList(Object.class).hasSize(0)
                .path("disableFaceTerminal.terminal.status").entity(String.class).isEqualTo("DISABLED")
                .path("disableFaceTerminal.terminal.disabledBy").entity(String.class).isEqualTo("admin")
                .path("disableFaceTerminal.terminal.disabledReason").entity(String.class).isEqualTo("设备丢失");
        // disabled is for good: no new key, no second disabling
        rotate("admin", id)
                .path("rotateFaceTerminalKey.userErrors[0].code").entity(String.class).isEqualTo("FACE_TERMINAL_DISABLED")
                .path("rotateFaceTerminalKey.secretKey").valueIsNull();
        disable("admin", id, "再次")
                .path("disableFaceTerminal.userErrors[0].code").entity(String.class).isEqualTo("FACE_TERMINAL_DISABLED");
        rotate("admin", "999999999")
                .errors().satisfy(errors -> assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void shouldRefuseADuplicateSerialABlankNameAndAClosedSite() {
        String serial = "SN-" + UUID.randomUUID();
        register("admin", site, "一号窗口", serial).path("registerFaceTerminal.userErrors").entityList(Object.class).hasSize(0);
        register("admin", fixtures.canteen(30, LocalTime.of(9, 30)), "一号窗口", serial)
                .path("registerFaceTerminal.terminal").valueIsNull()
                .path("registerFaceTerminal.secretKey").valueIsNull()
                .path("registerFaceTerminal.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_SERIAL_NUMBER")
                .path("registerFaceTerminal.userErrors[0].field").entityList(String.class).containsExactly("input", "serialNumber");
        register("admin", site, "  ", "SN-" + UUID.randomUUID())
                .path("registerFaceTerminal.userErrors[0].field").entityList(String.class).containsExactly("input", "name");
        register("admin", site, "一号窗口", "x".repeat(65))
                .path("registerFaceTerminal.userErrors[0].field").entityList(String.class).containsExactly("input", "serialNumber");
        String closed = jdbc.queryForObject("SELECT id FROM site WHERE status = 'CLOSED' ORDER BY id LIMIT 1", String.class);
        register("admin", closed, "一号窗口", "SN-" + UUID.randomUUID())
                .path("registerFaceTerminal.userErrors[0].code").entity(String.class).isEqualTo("SITE_NOT_OPERATING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM face_terminal WHERE serial_number = ?", Integer.class, serial)).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyAdminRegisterRotateAndDisable() {
        FaceTerminals.Terminal terminal = FaceTerminals.register(as("admin"), site);
        for (String user : List.of("operator", "finance", "inspector", "family")) {
            expectForbidden(register(user, site, "三号窗口", "SN-" + UUID.randomUUID()));
            expectForbidden(rotate(user, terminal.id()));
            expectForbidden(disable(user, terminal.id(), "停用"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM face_terminal WHERE site_id = ?", Integer.class, Long.valueOf(site))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT CONCAT(status, key_version) FROM face_terminal WHERE id = ?", String.class,
                Long.valueOf(terminal.id()))).isEqualTo("ACTIVE1");
    }

    @Test
    void shouldLetOnlyAdminAndTheSitesOwnStaffReadItsTerminals() {
        String id = FaceTerminals.register(as("admin"), site).id();
        terminals("operator", site).path("faceTerminals[*].id").entityList(String.class).containsExactly(id);
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        String otherOperator = network.createOperator("别家运营" + System.nanoTime());
        String otherStaff = TestAccounts.create(jdbc, "OPERATOR", otherOperator, null, "别家员工");
        for (String user : List.of(otherStaff, "finance", "inspector", "family")) {
            expectForbidden(terminals(user, site));
        }
    }

    @Test
    void shouldAuditRegistrationRotationAndDisablingWithoutTheKeys() {
        FaceTerminals.Terminal first = FaceTerminals.register(as("admin"), site);
        FaceTerminals.Terminal second = FaceTerminals.rotate(as("admin"), first);
        disable("admin", first.id(), "设备丢失")
                .path("disableFaceTerminal.userErrors").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT actor, action, CONCAT(COALESCE(before_state, ''), ' ', COALESCE(after_state, ''))"
                + " AS states FROM audit_log WHERE entity_type = 'FaceTerminal' AND entity_id = ? ORDER BY id", first.id());
        assertThat(rows).extracting(row -> row.get("action"))
                .containsExactly("FACE_TERMINAL_REGISTERED", "FACE_TERMINAL_KEY_ROTATED", "FACE_TERMINAL_DISABLED");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo("admin");
            assertThat(row.get("states").toString()).doesNotContain(first.key()).doesNotContain(second.key()).doesNotContainIgnoringCase("secret");
        });
        assertThat(rows.get(1).get("states").toString()).containsPattern("\"keyVersion\": ?1\\D").containsPattern("\"keyVersion\": ?2\\D");
    }

    @Test
    void shouldRegisterTheDemoTerminalsWithTheKeysTheReadmePublishes() {
        // the keys as the README prints them, so that its FACE example can be signed by hand
        Map<String, String> published = Map.of("孝文街道长者食堂", "e6ca049af7a18bb30b17d8e742a1ad08d6f1b593f3520f0e1f581c8f1af7c5ce",
                "西韩助餐点", "6c37d20e1d6d7dc6d831bb682d1f8dbe12674ee238b42aa59664a6dfb58a4ea3");
        for (Map.Entry<String, String> demo : published.entrySet()) {
            String demoSite = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", String.class, demo.getKey());
            List<Map> terminals = terminals("operator", demoSite)
                    .path("faceTerminals").entityList(Map.class).get();
            String terminal = terminals.stream().filter(row -> row.get("serialNumber").toString().startsWith("DEMO-FACE-"))
                    .map(row -> row.get("id").toString()).findFirst().orElseThrow();
            String today = BookingFixtures.today().toString();
            String dish = as("operator").documentName("menuDishIds")
                    .variable("siteId", demoSite).variable("date", today).variable("slot", "LUNCH").execute()
                    .path("menu.items[0].dish.id").entity(String.class).get();
            String diner = fixtures.diner();
            String token = FaceTerminals.sign(terminal, 1, demo.getValue(), diner, java.time.Instant.now().getEpochSecond(), "readme-" + UUID.randomUUID());
            as("operator").documentName("logMeal").variable("input", Map.of("idempotencyKey", BookingFixtures.key(), "siteId", demoSite,
                            "slot", "LUNCH", "verification", Map.of("method", "FACE", "faceToken", token),
                            "items", List.of(Map.of("dishId", dish, "quantity", 1)))).execute()
                    .path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                    .path("logMeal.record.diner.id").entity(String.class).isEqualTo(diner);
        }
    }

    private GraphQlTester.Response register(String user, String siteId, String name, String serial) {
        return as(user).documentName("deviceRegisterFaceTerminal").variable("input", Map.of("siteId", siteId, "name", name, "serialNumber", serial)).execute();
    }

    private GraphQlTester.Response rotate(String user, String terminalId) {
        return as(user).documentName("deviceRotateFaceTerminalKey").variable("input", Map.of("terminalId", terminalId)).execute();
    }

    private GraphQlTester.Response disable(String user, String terminalId, String reason) {
        return as(user).documentName("deviceDisableFaceTerminal").variable("input", Map.of("terminalId", terminalId, "reason", reason)).execute();
    }

    private GraphQlTester.Response terminals(String user, String siteId) {
        return as(user).documentName("deviceFaceTerminals").variable("siteId", siteId).execute();
    }

    private static void expectForbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }
}
