package org.zhucan.settlement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DistrictWorld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.testsupport.DistrictWorld.shanghai;
import static org.zhucan.testsupport.DistrictWorld.today;

/** The statement exports over authenticated HTTP: the XLSX opens with Apache POI and adds up; the CSV has Chinese headers. */
class SettlementExportTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    DistrictWorld world;
    String statementId;
    Map<String, Object> statement;
    final Map<String, String> tokens = new java.util.HashMap<>();

    @BeforeEach
    void statement() {
        List.of("admin", "operator", "inspector").forEach(this::as);
        world = new DistrictWorld(this::as, jdbc);
        // tokens are checked against real time: take them before the clock stops
        for (String user : List.of("admin", "operator", "inspector", "finance", world.financeA, world.operatorStaff)) {
            tokens.put(user, login(user, DEMO_PASSWORD));
        }
        clock.stopAt(ZonedDateTime.of(today(), LocalTime.of(12, 30), BusinessTime.ZONE).toInstant());
        world.serve(world.siteA, world.diner(List.of()), shanghai(today(), 11, 30));
        world.serve(world.siteA, world.diner(List.of("MIN_LIVING")), shanghai(today(), 11, 40));
        world.serve(world.siteB, world.diner(List.of()), shanghai(today(), 11, 50));
        statement = new SettlementStatements(this::as, world, "settlementLifecycle").generate(world.financeA, today().withDayOfMonth(1),
                today().with(TemporalAdjusters.lastDayOfMonth()));
        statementId = (String) statement.get("id");
    }

    @Test
    void shouldExportAnXlsxThatOpensWithPoiAndWhoseAmountsAddUpToTheStatement() throws Exception {
        byte[] body = download(world.financeA, "xlsx", 200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheet("结算单");
            assertThat(sheet).isNotNull();
            int header = rowStarting(sheet, "类型");
            List<String> headers = new ArrayList<>();
            sheet.getRow(header).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(SettlementSheet.LINE_HEADERS);
            BigDecimal linesSum = BigDecimal.ZERO;
            int lines = 0;
            for (int r = header + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null; r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
                linesSum = linesSum.add(yuan(row.getCell(5).getNumericCellValue()));
                lines++;
            }
            assertThat(lines).isEqualTo(8);
            BigDecimal expected = new BigDecimal((String) statement.get("mealSubsidy")).add(new BigDecimal((String) statement.get("operatingSubsidy")));
            assertThat(linesSum).isEqualByComparingTo(expected);
            int totals = rowStarting(sheet, "按资金来源合计");
            BigDecimal totalsSum = BigDecimal.ZERO;
            for (int r = totals + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null; r++) {
                totalsSum = totalsSum.add(yuan(sheet.getRow(r).getCell(1).getNumericCellValue()));
            }
            assertThat(totalsSum).isEqualByComparingTo(new BigDecimal((String) statement.get("payable")));
            assertThat(yuan(sheet.getRow(rowStarting(sheet, "应付金额（不含运营方让利）")).getCell(1).getNumericCellValue()))
                    .isEqualByComparingTo(new BigDecimal((String) statement.get("payable")));
        }
    }

    @Test
    void shouldExportACsvWithChineseHeadersAndYuanToTwoDecimals() {
        String csv = new String(download(world.operatorStaff, "csv", 200), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF助餐补贴结算单").contains("\r\n类型,站点,资金来源,老人类别,数量,金额（元）\r\n")
                .contains("餐费补贴,").contains(",市级财政,低保,1,3.00\r\n").contains("运营补贴,").contains("应付金额（不含运营方让利）," + statement.get("payable"));
    }

    @Test
    void shouldExportOnlyToFinanceAndTheStatementsOperator() {
        http().get().uri("/exports/settlements/" + statementId + ".csv").exchange().expectStatus().isUnauthorized();
        download("inspector", "csv", 403);
        download("admin", "xlsx", 403);
        download("operator", "csv", 404);
        download("finance", "xlsx", 404);
        download(world.financeA, "csv", 200);
    }

    private byte[] download(String user, String extension, int status) {
        return http().get().uri("/exports/settlements/" + statementId + "." + extension)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(user))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static int rowStarting(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING && text.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + text);
    }

    /** A spreadsheet number read back as the two-decimal yuan it was written from. */
    private static BigDecimal yuan(double cellValue) {
        return BigDecimal.valueOf(cellValue).setScale(2, RoundingMode.HALF_UP);
    }
}
