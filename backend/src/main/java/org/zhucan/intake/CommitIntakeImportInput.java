package org.zhucan.intake;

/** What commitIntakeImport takes: the validated import to commit. */
public record CommitIntakeImportInput(long importId) {
}
