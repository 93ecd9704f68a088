package org.zhucan.intake;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the intake API tests: a district of its own (a town with two villages, a second town with one, and a
 * district elsewhere), its ADMIN and the first town's STREET_STAFF; uploads over HTTP and waits on the job's status.
 */
abstract class IntakeApiTest extends ApiTest {

    static final String XLSX = IntakeFileController.XLSX;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeJobs jobs;

    String prefix;
    String districtId;
    String townId;
    String villageId;
    String villageName;
    String village2Id;
    String village2Name;
    String village2Code;
    String otherTownVillageCode;
    String elsewhereVillageCode;
    String districtAdmin;
    String street;
    DinerFixtures diners;

    void buildWorld() {
        prefix = "名册" + Long.toString(System.nanoTime(), 36);
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        NetworkFixtures.District district = network.district(prefix);
        districtId = district.districtId();
        villageId = district.villageId();
        villageName = prefix + "村";
        townId = jdbc.queryForObject("SELECT CAST(parent_id AS CHAR) FROM region WHERE id = ?", String.class, villageId);
        String code = jdbc.queryForObject("SELECT division_code FROM region WHERE id = ?", String.class, districtId);
        village2Name = prefix + "二村";
        village2Code = code.substring(0, 6) + "101202";
        village2Id = network.createRegion(townId, village2Code, village2Name, "VILLAGE");
        String otherTown = network.createRegion(districtId, code.substring(0, 6) + "102000", prefix + "二镇", "TOWN");
        otherTownVillageCode = code.substring(0, 6) + "102201";
        network.createRegion(otherTown, otherTownVillageCode, prefix + "二镇村", "VILLAGE");
        String elsewhere = network.district(prefix + "外").villageId();
        elsewhereVillageCode = jdbc.queryForObject("SELECT division_code FROM region WHERE id = ?", String.class, elsewhere);
        districtAdmin = TestAccounts.loggedIn(this::as, jdbc, "ADMIN", null, districtId, "名册区管理员");
        street = TestAccounts.loggedIn(this::as, jdbc, "STREET_STAFF", null, townId, "名册镇街");
        diners = new DinerFixtures(as("admin"), jdbc);
    }

    String idNumber(int birthYear) {
        return diners.freshIdNumber(LocalDate.of(birthYear, 1 + (int) (System.nanoTime() % 12), 1 + (int) (System.nanoTime() % 28)), true);
    }

    /** Uploads the file as the account; returns the import's id. */
    String upload(String username, String path, byte[] file, String contentType, String fileName) {
        Map<?, ?> answer = http().post().uri(path + "?fileName=" + fileName)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + login(username, DEMO_PASSWORD))
                .contentType(MediaType.parseMediaType(contentType))
                .bodyValue(file)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("id");
    }

    String uploadRoster(String username, List<List<String>> rows) {
        return upload(username, "/intake/rosters", IntakeSheets.csv(IntakeSheets.ROSTER_HEADER, rows), "text/csv", "roster.csv");
    }

    /** The import once its job has stopped (VALIDATED, COMMITTED, FAILED...), read by the account. */
    @SuppressWarnings("unchecked")
    Map<String, Object> awaitSettled(String username, String id) {
        Object[] last = new Object[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = read(username, id);
            return last[0] != null && !Set.of("UPLOADED", "VALIDATING", "COMMITTING").contains(((Map<String, Object>) last[0]).get("status"));
        });
        return (Map<String, Object>) last[0];
    }

    Map<String, Object> awaitValidated(String username, String id) {
        Map<String, Object> settled = awaitSettled(username, id);
        assertThat(settled.get("status")).as("import %s: %s", id, settled.get("failureReason")).isEqualTo("VALIDATED");
        return settled;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read(String username, String id) {
        return (Map<String, Object>) as(username).documentName("intakeImport").variable("id", id).execute()
                .returnResponse().field("intakeImport").getValue();
    }

    Map<String, Object> commit(String username, String id) {
        as(username).documentName("commitIntakeImport").variable("input", Map.of("importId", id)).execute()
                .path("commitIntakeImport.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> settled = awaitSettled(username, id);
        assertThat(settled.get("status")).as("import %s: %s", id, settled.get("failureReason")).isEqualTo("COMMITTED");
        return settled;
    }

    /** Every error: row, column and reason. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors(String username, String id) {
        return as(username).documentName("intakeImportErrors").variable("importId", id).variable("first", 100).execute()
                .path("intakeImportErrors.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    static int count(Map<String, Object> job, String field) {
        return ((Number) job.get(field)).intValue();
    }
}
