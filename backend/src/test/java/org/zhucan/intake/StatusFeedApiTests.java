package org.zhucan.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhucan.common.time.BusinessTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.intake.IntakeSheets.row;

class StatusFeedApiTests extends IntakeApiTest {

    @BeforeEach
    void world() {
        buildWorld();
    }

    @Test
    void shouldMarkADinerDeceasedFromAFeedAndReportTheRowsInError() {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        String dying = idNumber(1938);
        String leaving = idNumber(1939);
        String dyingId = diners.registerActiveSince2020("将故老人", villageId, dying, List.of(), null);
        String leavingId = diners.registerActiveSince2020("迁出老人", villageId, leaving, List.of(), null);
        jdbc.update("UPDATE diner SET status = 'MOVED_AWAY' WHERE id = ?", Long.valueOf(leavingId));
        List<List<String>> rows = List.of(
                row(dying, "死亡", today.minusDays(3).toString(), "病故"),              // 2 UPDATE
                row(idNumber(1940), "死亡", today.minusDays(3).toString(), ""),         // 3 unknown
                row(dying, "迁出", today.plusDays(10).toString(), ""),                  // 4 future date (and the same ID again)
                row(leaving, "MOVED_AWAY", "2024-05-01", ""),                           // 5 UNCHANGED
                row(leaving, "结婚", "2024-05-01", ""));                                 // 6 bad status (and again)
        String id = upload(districtAdmin, "/intake/status-feeds", IntakeSheets.csv(IntakeSheets.STATUS_HEADER, rows), "text/csv", "feed.csv");
        Map<String, Object> validated = awaitValidated(districtAdmin, id);
        assertThat(validated.get("kind")).isEqualTo("STATUS_FEED");
        assertThat(errors(districtAdmin, id)).extracting(e -> e.get("rowNumber") + "|" + e.get("column"))
                .contains("3|身份证号", "4|日期", "6|状态");

        List<List<String>> clean = List.of(row(dying, "死亡", today.minusDays(3).toString(), "病故"), row(leaving, "迁出", "2024-05-01", ""));
        String feed = upload(districtAdmin, "/intake/status-feeds", IntakeSheets.xlsx(IntakeSheets.STATUS_HEADER, clean), XLSX, "feed.xlsx");
        Map<String, Object> checked = awaitValidated(districtAdmin, feed);
        assertThat(count(checked, "updateCount")).isEqualTo(1);
        assertThat(count(checked, "unchangedCount")).isEqualTo(1);
        commit(districtAdmin, feed);
        assertThat(jdbc.queryForMap("SELECT status, CAST(status_since AS CHAR) AS since FROM diner WHERE id = ?", Long.valueOf(dyingId)))
                .containsEntry("status", "DECEASED").containsEntry("since", today.minusDays(3).toString());
        assertThat(jdbc.queryForObject("SELECT reason FROM diner_status_change WHERE diner_id = ? AND to_status = 'DECEASED'", String.class,
                Long.valueOf(dyingId))).isEqualTo("病故");
    }
}
