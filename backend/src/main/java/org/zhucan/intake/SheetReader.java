package org.zhucan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX file (streamed: SAX over the sheet's XML, so 50,000 rows never become a
 * workbook in memory) or a CSV file (UTF-8, with or without a BOM, or GB18030 as Excel in China saves it), row by
 * row: the row number as a spreadsheet shows it (the header is row 1) and the cells as text. Blank rows are skipped.
 * Date cells of an XLSX are read as ISO dates (2024-01-01). Its exceptions never quote a cell.
 */
final class SheetReader {

    /** What receives the rows. */
    interface RowSink {
        void row(int rowNumber, List<String> cells);
    }

    /** The file cannot be read as the format it claims; the message says why without quoting it. */
    static class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message) {
            super(message);
        }
    }

    private SheetReader() {
    }

    static void read(byte[] file, FileFormat format, RowSink sink) {
        if (format == FileFormat.CSV) {
            readCsv(file, sink);
        } else {
            readXlsx(file, sink);
        }
    }

    private static void readCsv(byte[] file, RowSink sink) {
        int offset = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        Charset charset = isUtf8(file, offset) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(file, offset, file.length - offset), charset);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            int rowNumber = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNumber = (int) record.getRecordNumber();
                List<String> cells = record.toList();
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    sink.row(rowNumber, cells);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException("The CSV file cannot be read (a quote left open?)");
        }
    }

    private static boolean isUtf8(byte[] file, int offset) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, offset, file.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void readXlsx(byte[] file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("The workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("The file is not a readable XLSX workbook");
        }
    }

    /** Collects a row's cells by column letter (a blank cell is absent from the XML). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                sink.row(rowNum + 1, cells.stream().map(cell -> cell == null ? "" : cell.strip()).toList());
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }
    }

    /** Formats date cells as ISO dates and numbers in full (a phone number typed as a number keeps its digits). */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return date.toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
