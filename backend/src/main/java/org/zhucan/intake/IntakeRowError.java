package org.zhucan.intake;

/** One reason a row is in error: its row number in the file (the header is row 1), column and reason; never the value. */
public record IntakeRowError(long id, int rowNumber, String column, String reason, String idNumberMasked) {
}
