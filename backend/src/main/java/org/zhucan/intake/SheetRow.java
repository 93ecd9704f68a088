package org.zhucan.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One data row of an uploaded file, its cells by column, and the errors its checks found. */
final class SheetRow {

    final int rowNumber;
    private final List<String> cells;
    private final Map<Column, Integer> positions;
    final List<Problem> problems = new ArrayList<>();

    /** A reason a row is in error: the column and a reason that never quotes the cell. */
    record Problem(String column, String reason) {
    }

    SheetRow(int rowNumber, List<String> cells, Map<Column, Integer> positions) {
        this.rowNumber = rowNumber;
        this.cells = cells;
        this.positions = positions;
    }

    /** The cell, trimmed; null when blank or absent. */
    String get(Column column) {
        Integer at = positions.get(column);
        if (at == null || at >= cells.size() || cells.get(at) == null) {
            return null;
        }
        String value = cells.get(at).strip();
        return value.isEmpty() ? null : value;
    }

    boolean has(Column column) {
        return positions.containsKey(column);
    }

    void problem(Column column, String reason) {
        problems.add(new Problem(column.label, reason));
    }

    void problem(String column, String reason) {
        problems.add(new Problem(column, reason));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return "SheetRow[" + rowNumber + "]";
    }
}
