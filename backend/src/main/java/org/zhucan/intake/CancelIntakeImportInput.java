package org.zhucan.intake;

/** What cancelIntakeImport takes: the import to drop before it is committed. */
public record CancelIntakeImportInput(long importId) {
}
