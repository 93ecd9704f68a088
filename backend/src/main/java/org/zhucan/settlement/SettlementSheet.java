package org.zhucan.settlement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/**
 * A statement as a sheet with Chinese headers, written as XLSX or CSV from the same rows. Amounts
 * are yuan with two decimals: exact decimal text in CSV, numeric cells formatted 0.00 in XLSX so
 * that a spreadsheet can add them up.
 */
final class SettlementSheet {

    static final List<String> LINE_HEADERS = List.of("类型", "站点", "资金来源", "老人类别", "数量", "金额（元）");
    /** The weighting of operating-subsidy lines scaled by a frozen evaluation score, a section of its own after the totals. */
    static final List<String> QUALITY_HEADERS = List.of("绩效挂钩运营补贴", "站点", "资金来源", "考核月份", "考核得分", "所在分档（分以上）",
            "支付比例", "人天", "金额（元）");

    /** What a spreadsheet takes for the start of a formula (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Map<SettlementStatus, String> STATUS = Map.of(SettlementStatus.DRAFT, "草稿", SettlementStatus.SUBMITTED, "已提交",
            SettlementStatus.APPROVED, "已审核", SettlementStatus.REJECTED, "已退回", SettlementStatus.PAID, "已支付");
    private static final Map<SettlementLineKind, String> KIND = Map.of(SettlementLineKind.MEAL_SUBSIDY, "餐费补贴",
            SettlementLineKind.ADJUSTMENT, "以前期间调整", SettlementLineKind.OPERATING_SUBSIDY, "运营补贴");
    private static final Map<FundingSource, String> SOURCE = Map.of(FundingSource.CITY, "市级财政", FundingSource.DISTRICT, "区级财政",
            FundingSource.TOWN_OR_STREET, "镇街财政", FundingSource.LOTTERY_FUND, "福彩公益金", FundingSource.OPERATOR_DISCOUNT, "运营方让利");
    private static final Map<String, String> CATEGORY = Map.of("", "按年龄", "EXTREME_POVERTY", "特困", "MIN_LIVING", "低保",
            "LOW_INCOME_EDGE", "低保边缘", "DISABLED", "残疾", "DEMENTIA", "失智", "LIVING_ALONE", "独居", "LEFT_BEHIND", "留守", "SPECIAL_FAMILY", "计划生育特殊家庭", "ENTITLED", "优抚对象");

    private final List<List<Object>> rows = new ArrayList<>();

    /** The statement's header, its lines (with site names) and its totals per source. */
    SettlementSheet(SettlementStatement statement, String operatorName, String districtName, Map<Long, String> siteNames,
                    List<SettlementLine> lines, List<SourceAmount> totals, boolean verified) {
        rows.add(List.of("助餐补贴结算单", "编号 " + statement.id()));
        rows.add(List.of("运营主体", operatorName));
        rows.add(List.of("区", districtName));
        rows.add(List.of("结算期间", statement.periodStart() + " 至 " + statement.periodEnd()));
        rows.add(List.of("状态", STATUS.get(statement.status()) + "（版本 " + statement.version() + "）"));
        rows.add(List.of("就餐记录数", statement.recordCount()));
        rows.add(List.of("其中以前期间调整记录数", statement.carriedCount()));
        rows.add(List.of("其中待复核记录数", statement.flaggedCount()));
        rows.add(List.of("内容摘要", statement.contentHash() == null ? "未审核" : statement.contentHash()));
        rows.add(List.of("内容校验", statement.status().frozen() ? (verified ? "一致" : "不一致，不得支付") : "未冻结"));
        rows.add(List.of());
        rows.add(List.copyOf(LINE_HEADERS));
        for (SettlementLine line : lines) {
            rows.add(List.of(KIND.get(line.kind()), siteNames.getOrDefault(line.siteId(), "站点 " + line.siteId()), SOURCE.get(line.source()),
                    CATEGORY.getOrDefault(line.dinerCategory(), line.dinerCategory()), line.quantity(), line.amount()));
        }
        rows.add(List.of());
        rows.add(List.of("按资金来源合计", "金额（元）"));
        for (SourceAmount total : totals) {
            rows.add(List.of(SOURCE.get(total.source()), total.amount()));
        }
        rows.add(List.of());
        rows.add(List.of("餐费补贴合计（含调整）", statement.mealSubsidy()));
        rows.add(List.of("运营补贴合计", statement.operatingSubsidy()));
        rows.add(List.of("应付金额（不含运营方让利）", statement.payable()));
        List<SettlementLine> scaled = lines.stream().filter(SettlementLine::scaled).toList();
        if (!scaled.isEmpty()) {
            rows.add(List.of());
            rows.add(List.copyOf(QUALITY_HEADERS));
            for (SettlementLine line : scaled) {
                rows.add(List.of(KIND.get(line.kind()), siteNames.getOrDefault(line.siteId(), "站点 " + line.siteId()), SOURCE.get(line.source()),
                        line.evaluationMonth(), line.evaluationScore().toPlainString(), line.bandMinScore(), percent(line.percentBasisPoints()),
                        line.quantity(), line.amount()));
            }
        }
    }

    /** Basis points as a percentage with two decimals, e.g. 9250 as "92.50%". */
    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString() + "%";
    }

    byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF"); // a byte order mark, so that Excel reads the Chinese as UTF-8
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (Object value : row) {
                    cells.add(value instanceof Money money ? money.toYuanString()
                            : value instanceof Number number ? number.toString() : inert(String.valueOf(value)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text that a spreadsheet would run as a formula (a site or operator named "=HYPERLINK(...)")
     * is written with a leading apostrophe, so it shows as the text it is. Amounts are not text:
     * "-3.00" stays a number.
     */
    static String inert(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("结算单");
            CellStyle yuan = workbook.createCellStyle();
            yuan.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object value = values.get(c);
                    if (value instanceof Money money) {
                        // the cell is a spreadsheet number; the exact amount is the decimal it is made from
                        cell.setCellValue(new BigDecimal(money.toYuanString()).doubleValue());
                        cell.setCellStyle(yuan);
                    } else if (value instanceof Integer count) {
                        cell.setCellValue(count);
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            for (int c = 0; c < LINE_HEADERS.size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
