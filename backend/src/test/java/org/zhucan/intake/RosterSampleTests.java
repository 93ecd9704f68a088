package org.zhucan.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample roster of the README (docs/intake) reads the same as CSV and as XLSX, and every row passes the row checks. */
class RosterSampleTests {

    private static final Path SAMPLES = Path.of("..", "docs", "intake");

    @Test
    void shouldReadTheSameRowsFromTheCsvAndTheXlsxSample() throws IOException {
        List<List<String>> csv = read(Files.readAllBytes(SAMPLES.resolve("roster-sample.csv")), FileFormat.CSV);
        List<List<String>> xlsx = read(Files.readAllBytes(SAMPLES.resolve("roster-sample.xlsx")), FileFormat.XLSX);
        assertThat(csv).hasSize(5);
        assertThat(xlsx).isEqualTo(csv);
    }

    @Test
    void shouldFindNoProblemInAnyRowOfTheSample() throws IOException {
        List<List<String>> rows = read(Files.readAllBytes(SAMPLES.resolve("roster-sample.csv")), FileFormat.CSV);
        Map<Column, Integer> positions = Column.positions(rows.get(0));
        for (int i = 1; i < rows.size(); i++) {
            SheetRow row = new SheetRow(i + 1, rows.get(i), positions);
            RosterPayload payload = RowChecks.roster(row, RowChecks.idNumber(row), LocalDate.of(2026, 12, 1), 1);
            assertThat(row.problems).as("row %d", i + 1).isEmpty();
            assertThat(payload).isNotNull();
        }
    }

    /** Rows as read, trailing blank cells dropped (an XLSX row ends at its last non-blank cell). */
    private static List<List<String>> read(byte[] file, FileFormat format) {
        List<List<String>> rows = new ArrayList<>();
        SheetReader.read(file, format, (rowNumber, cells) -> {
            List<String> trimmed = new ArrayList<>(cells);
            while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isBlank()) {
                trimmed.remove(trimmed.size() - 1);
            }
            rows.add(trimmed);
        });
        return rows;
    }
}
