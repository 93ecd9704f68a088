package org.zhucan.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.zhucan.common.pii.IdNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.intake.IntakeSheets.row;

@ExtendWith(OutputCaptureExtension.class)
class RosterImportApiTests extends IntakeApiTest {

    @BeforeEach
    void world() {
        buildWorld();
    }

    private List<String> good(String name, String id, String phone, String categories) {
        return row(name, id, phone, villageName, "", categories, "MZ-2024-" + name, "2024-01-01", "", "是", "2", "幸福路1号");
    }

    @Test
    void shouldReportEveryKindOfBadRowWithItsColumnAndCommitOnlyTheGoodOnes() {
        String goodA = idNumber(1950);
        String goodB = idNumber(1948);
        String valid = idNumber(1952);
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        String duplicate = idNumber(1951);
        List<List<String>> rows = List.of(
                good("赵一", goodA, "13812340001", "低保"),                                                              // 2 NEW
                row("钱二", goodB, "", "", village2Code, "", "", "", "", "否", "", "和平路2号"),                           // 3 NEW
                good("孙三", badCheck, "13812340003", "低保"),                                                            // 4 check digit
                good("李四", "410371500101001", "13812340004", "低保"),                                                   // 5 15 digits
                good("周五", idNumber(1990), "13812340005", "低保"),                                                      // 6 under 60
                row("吴六", idNumber(1949), "", "不存在社区", "", "", "", "", "", "", "", "路6号"),                          // 7 unknown community
                row("郑七", idNumber(1949), "", "", elsewhereVillageCode, "", "", "", "", "", "", "路7号"),                // 8 outside scope
                good("王八", duplicate, "13812340008", "低保"),                                                           // 9 duplicate (first)
                good("冯九", duplicate, "13812340009", "低保"),                                                           // 10 duplicate
                good("陈十", idNumber(1949), "13812340010", "富豪"),                                                      // 11 bad category
                row("褚十一", idNumber(1949), "", villageName, "", "低保", "E11", "2024-13-45", "", "", "", "路11号"),     // 12 bad date
                row("卫十二", idNumber(1949), "", villageName, "", "低保", "E12", "2024-05-01", "2024-01-01", "", "", "路12号"), // 13 to < from
                row("蒋十三", idNumber(1949), "", villageName, "", "低保", "", "2024-01-01", "", "", "", "路13号"),          // 14 no evidence
                row("沈十四", idNumber(1949), "", villageName, "", "", "", "", "", "", "5", "路14号"),                     // 15 bad level
                row("韩十五", idNumber(1949), "12345", villageName, "", "", "", "", "", "", "", "路15号"));               // 16 bad phone
        String id = uploadRoster(districtAdmin, rows);
        Map<String, Object> validated = awaitValidated(districtAdmin, id);
        assertThat(count(validated, "rowsTotal")).isEqualTo(15);
        assertThat(count(validated, "newCount")).isEqualTo(2);
        assertThat(count(validated, "errorCount")).isEqualTo(13);
        assertThat(validated.get("progress")).isEqualTo(1.0);

        List<String> report = errors(districtAdmin, id).stream().map(e -> e.get("rowNumber") + "|" + e.get("column")).toList();
        assertThat(report).contains("4|身份证号", "5|身份证号", "6|身份证号", "7|社区", "8|社区代码", "9|身份证号", "10|身份证号", "11|类别",
                "12|认定起始日期", "13|认定截止日期", "14|证明编号", "15|能力等级", "16|联系电话");
        assertThat(errors(districtAdmin, id)).extracting(e -> (Integer) e.get("rowNumber")).isSorted();
        String endCursor = as(districtAdmin).documentName("intakeImportErrors").variable("importId", id).variable("first", 5).execute()
                .path("intakeImportErrors.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("intakeImportErrors.edges[4].node.rowNumber").entity(Integer.class).isEqualTo(8)
                .path("intakeImportErrors.pageInfo.endCursor").entity(String.class).get();
        as(districtAdmin).documentName("intakeImportErrors").variable("importId", id).variable("first", 5).variable("after", endCursor).execute()
                .path("intakeImportErrors.edges[0].node.rowNumber").entity(Integer.class).isEqualTo(9);
        assertThat(errors(districtAdmin, id)).filteredOn(e -> e.get("rowNumber").equals(8))
                .extracting(e -> e.get("reason")).containsExactly("The community is outside your region");

        String csv = new String(http().get().uri("/intake/imports/" + id + "/errors.csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + login(districtAdmin, DEMO_PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("行号,列,原因").contains("16,联系电话,").contains(IdNumber.parse(duplicate).masked())
                .doesNotContain(duplicate).doesNotContain(badCheck);

        commit(districtAdmin, id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked IN (?, ?)", Integer.class,
                IdNumber.parse(goodA).masked(), IdNumber.parse(goodB).masked())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked = ?", Integer.class,
                IdNumber.parse(duplicate).masked())).isZero();
        long dinerA = jdbc.queryForObject("SELECT id FROM diner WHERE id_number_masked = ? AND name = '赵一'", Long.class,
                IdNumber.parse(goodA).masked());
        assertThat(jdbc.queryForList("SELECT CONCAT(category, '/', source, '/', source_ref) FROM diner_category WHERE diner_id = ? "
                + "AND superseded_at IS NULL ORDER BY category", String.class, dinerA))
                .containsExactly("LIVING_ALONE/ROSTER/intake:" + id, "MIN_LIVING/ROSTER/intake:" + id);
        assertThat(jdbc.queryForObject("SELECT level FROM ability_assessment WHERE diner_id = ?", Integer.class, dinerA)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT phone_masked FROM diner WHERE id = ?", String.class, dinerA)).isEqualTo("138****0001");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ROSTER_IMPORT_COMMITTED' AND entity_id = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingOnReimportAndVersionTheCategoriesOfAChangedRow() {
        String a = idNumber(1947);
        String b = idNumber(1953);
        List<List<String>> roster = List.of(good("甲老人", a, "13900000001", "低保"), good("乙老人", b, "", "特困、失能"));
        String first = uploadRoster(districtAdmin, roster);
        awaitValidated(districtAdmin, first);
        commit(districtAdmin, first);
        long dinerA = jdbc.queryForObject("SELECT id FROM diner WHERE id_number_masked = ? AND name = '甲老人'", Long.class,
                IdNumber.parse(a).masked());

        int audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Diner'", Integer.class);
        int versions = jdbc.queryForObject("SELECT COUNT(*) FROM diner_category", Integer.class);
        int assessments = jdbc.queryForObject("SELECT COUNT(*) FROM ability_assessment", Integer.class);
        String again = uploadRoster(districtAdmin, roster);
        Map<String, Object> validated = awaitValidated(districtAdmin, again);
        assertThat(count(validated, "unchangedCount")).isEqualTo(2);
        assertThat(count(validated, "newCount") + count(validated, "updateCount") + count(validated, "errorCount")).isZero();
        commit(districtAdmin, again);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Diner'", Integer.class)).isEqualTo(audits);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner_category", Integer.class)).isEqualTo(versions);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ability_assessment", Integer.class)).isEqualTo(assessments);

        List<String> moved = new ArrayList<>(good("甲老人", a, "13900000001", "特困"));
        moved.set(3, village2Name);
        moved.set(10, "3");
        String changed = uploadRoster(districtAdmin, List.of(moved, good("乙老人", b, "", "特困、失能")));
        Map<String, Object> update = awaitValidated(districtAdmin, changed);
        assertThat(count(update, "updateCount")).isEqualTo(1);
        assertThat(count(update, "unchangedCount")).isEqualTo(1);
        commit(districtAdmin, changed);
        assertThat(jdbc.queryForList("SELECT CONCAT(category, '/', source, '/', IF(superseded_at IS NULL, 'current', 'superseded')) "
                + "FROM diner_category WHERE diner_id = ? ORDER BY id", String.class, dinerA))
                .containsExactly("MIN_LIVING/ROSTER/superseded", "LIVING_ALONE/ROSTER/current", "EXTREME_POVERTY/ROSTER/current");
        assertThat(jdbc.queryForObject("SELECT CAST(home_community_id AS CHAR) FROM diner WHERE id = ?", String.class, dinerA)).isEqualTo(village2Id);
        assertThat(jdbc.queryForList("SELECT level FROM ability_assessment WHERE diner_id = ? ORDER BY id", Integer.class, dinerA))
                .containsExactly(2, 3);
    }

    @Test
    void shouldFindTheSameRowsInAnXlsxAsInTheSameRowsAsCsv() {
        List<List<String>> rows = List.of(
                good("一号", idNumber(1946), "13800000011", "低保、独居"),
                row("二号", idNumber(1950), "0379-63211234", "", village2Code, "优抚", "YF-1", "2023-06-30", "2026-06-30", "否", "0", "路2号"),
                good("三号", idNumber(1995), "13800000013", "低保"),
                row("四号", idNumber(1950), "", villageName, "", "低保", "", "2024-01-01", "", "", "9", "路4号"),
                row("五号", "123", "", villageName, "", "", "", "", "", "", "", "路5号"));
        String fromCsv = uploadRoster(districtAdmin, rows);
        String fromXlsx = upload(districtAdmin, "/intake/rosters", IntakeSheets.xlsx(IntakeSheets.ROSTER_HEADER, rows), XLSX, "roster.xlsx");
        Map<String, Object> csv = awaitValidated(districtAdmin, fromCsv);
        Map<String, Object> xlsx = awaitValidated(districtAdmin, fromXlsx);
        for (String field : List.of("rowsTotal", "newCount", "updateCount", "unchangedCount", "errorCount")) {
            assertThat(count(xlsx, field)).as(field).isEqualTo(count(csv, field));
        }
        assertThat(count(csv, "newCount")).isEqualTo(2);
        assertThat(errors(districtAdmin, fromXlsx)).containsExactlyElementsOf(errors(districtAdmin, fromCsv));
    }

    @Test
    void shouldLimitStreetStaffToTheirOwnTown() {
        String own = idNumber(1949);
        List<List<String>> rows = List.of(
                row("本镇老人", own, "", "", village2Code, "", "", "", "", "", "", "本镇路1号"),
                row("外镇老人", idNumber(1949), "", "", otherTownVillageCode, "", "", "", "", "", "", "外镇路1号"));
        String id = uploadRoster(street, rows);
        Map<String, Object> validated = awaitValidated(street, id);
        assertThat(count(validated, "newCount")).isEqualTo(1);
        assertThat(errors(street, id)).extracting(e -> e.get("rowNumber") + "|" + e.get("reason"))
                .containsExactly("3|The community is outside your region");
        commit(street, id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked = ?", Integer.class, IdNumber.parse(own).masked()))
                .isEqualTo(1);

        String adminsImport = uploadRoster(districtAdmin, List.of(row("区里老人", idNumber(1949), "", villageName, "", "", "", "", "", "", "",
                "区里路1号")));
        assertThat(read(districtAdmin, id)).isNotNull();
        assertThat(read(street, adminsImport)).isNull();
        http().post().uri("/intake/status-feeds").header(HttpHeaders.AUTHORIZATION, "Bearer " + login(street, DEMO_PASSWORD))
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(IntakeSheets.csv(IntakeSheets.STATUS_HEADER, List.of(row(own, "死亡", "2025-01-01", "")))).exchange()
                .expectStatus().isForbidden();
        awaitSettled(districtAdmin, adminsImport);
    }

    @Test
    void shouldCancelAValidatedImportAndFailAFileWithoutARequiredColumn() {
        String id = uploadRoster(districtAdmin, List.of(good("取消老人", idNumber(1950), "", "")));
        awaitValidated(districtAdmin, id);
        as(districtAdmin).documentName("intakeImports").variable("first", 5).execute()
                .path("intakeImports.edges[0].node.id").entity(String.class).isEqualTo(id);
        as(districtAdmin).documentName("cancelIntakeImport").variable("input", Map.of("importId", id)).execute()
                .path("cancelIntakeImport.intakeImport.status").entity(String.class).isEqualTo("CANCELLED");
        as(districtAdmin).documentName("commitIntakeImport").variable("input", Map.of("importId", id)).execute()
                .path("commitIntakeImport.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_STATUS_TRANSITION");

        byte[] noIdColumn = IntakeSheets.csv(List.of("姓名", "社区", "住址"), List.of(row("无号老人", villageName, "路1号")));
        String failed = upload(districtAdmin, "/intake/rosters", noIdColumn, "text/csv", "bad.csv");
        Map<String, Object> settled = awaitSettled(districtAdmin, failed);
        assertThat(settled).containsEntry("status", "FAILED").containsEntry("failureReason", "The file has no column 身份证号");
        String garbage = upload(districtAdmin, "/intake/rosters", "not a workbook".getBytes(StandardCharsets.UTF_8), XLSX, "bad.xlsx");
        assertThat(awaitSettled(districtAdmin, garbage)).containsEntry("status", "FAILED")
                .containsEntry("failureReason", "The file is not a readable XLSX workbook");
    }

    @Test
    void shouldRegisterEachDinerOnceWhenTwoImportsOfOneRosterCommitAtOnce() throws Exception {
        List<String> ids = List.of(idNumber(1941), idNumber(1942), idNumber(1943));
        List<List<String>> roster = List.of(good("并一", ids.get(0), "", "低保"), good("并二", ids.get(1), "", "特困"), good("并三", ids.get(2), "", ""));
        String first = uploadRoster(districtAdmin, roster);
        String second = uploadRoster(districtAdmin, roster);
        assertThat(count(awaitValidated(districtAdmin, first), "newCount")).isEqualTo(3);
        assertThat(count(awaitValidated(districtAdmin, second), "newCount")).isEqualTo(3);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> a = two.submit(() -> commit(districtAdmin, first));
            java.util.concurrent.Future<?> b = two.submit(() -> commit(districtAdmin, second));
            a.get();
            b.get();
        } finally {
            two.shutdownNow();
        }
        for (String idNumber : ids) {
            List<Long> diner = jdbc.queryForList("SELECT id FROM diner WHERE id_number_masked = ?", Long.class, IdNumber.parse(idNumber).masked());
            assertThat(diner).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner_category WHERE diner_id = ? AND category <> 'LIVING_ALONE'",
                    Integer.class, diner.get(0))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldResumeACommitWhoseInstanceDied() {
        String id1 = idNumber(1944);
        String id2 = idNumber(1945);
        String id = uploadRoster(districtAdmin, List.of(good("续一", id1, "", "低保"), good("续二", id2, "", "")));
        awaitValidated(districtAdmin, id);
        // as a commit whose instance died right after it took the job: COMMITTING under a lease that ran out
        jdbc.update("UPDATE intake_import SET status = 'COMMITTING', committed_by = actor_username, lease_owner = 'dead-instance', "
                + "lease_until = CURRENT_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE id = ?", Long.valueOf(id));
        assertThat(jobs.sweep()).isPositive();
        Map<String, Object> settled = awaitSettled(districtAdmin, id);
        assertThat(settled.get("status")).isEqualTo("COMMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked IN (?, ?)", Integer.class,
                IdNumber.parse(id1).masked(), IdNumber.parse(id2).masked())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT committed_count FROM intake_import WHERE id = ?", Integer.class, Long.valueOf(id))).isEqualTo(2);
    }

    @Test
    void shouldKeepRowsOutOfTheLogsAndTheDatabase(CapturedOutput output) {
        String idNumber = idNumber(1943);
        String phone = "137" + (10_000_000 + (int) (System.nanoTime() % 89_999_999));
        String badRowId = idNumber(1943);
        String name = "隐私" + prefix;
        String id = uploadRoster(districtAdmin, List.of(good(name, idNumber, phone, "低保"),
                row(name + "乙", badRowId, "999", "无此社区", "", "火星", "", "x", "", "也许", "7", "路")));
        awaitValidated(districtAdmin, id);
        commit(districtAdmin, id);
        List<Map<String, Object>> textColumns = jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'longtext', 'mediumtext', 'json')""");
        for (Map<String, Object> column : textColumns) {
            String sql = "SELECT COUNT(*) FROM `" + column.get("table_name") + "` WHERE `" + column.get("column_name") + "` LIKE ? OR `"
                    + column.get("column_name") + "` LIKE ? OR `" + column.get("column_name") + "` LIKE ?";
            assertThat(jdbc.queryForObject(sql, Integer.class, "%" + idNumber + "%", "%" + phone + "%", "%" + badRowId + "%"))
                    .as("raw number in %s.%s", column.get("table_name"), column.get("column_name")).isZero();
        }
        assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(badRowId).doesNotContain(name);
    }
}
