package org.zhucan.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Rosters and status feeds as the tests upload them: the same rows as CSV or XLSX (date columns as real date cells). */
final class IntakeSheets {

    static final List<String> ROSTER_HEADER = List.of("姓名", "身份证号", "联系电话", "社区", "社区代码", "类别", "证明编号", "认定起始日期",
            "认定截止日期", "是否独居", "能力等级", "住址");
    static final List<String> STATUS_HEADER = List.of("身份证号", "状态", "日期", "原因");

    private IntakeSheets() {
    }

    /** A roster row: name, ID, phone, community name, community code, categories, evidence, from, to, alone, level, address. */
    static List<String> row(String... cells) {
        return List.of(cells);
    }

    static byte[] csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名册");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            write(sheet.createRow(0), header, null);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i), dateStyle);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells, CellStyle dateStyle) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value == null || value.isEmpty()) {
                continue;
            }
            LocalDate date = dateStyle == null ? null : isoDate(value);
            if (date != null) {
                row.createCell(c).setCellValue(date);
                row.getCell(c).setCellStyle(dateStyle);
            } else {
                row.createCell(c).setCellValue(value);
            }
        }
    }

    private static LocalDate isoDate(String value) {
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
