package org.zhucan.intake;

import java.time.Instant;

/** An import as its readers see it: status, progress and counts; no row content. */
public record IntakeImport(long id, IntakeKind kind, IntakeStatus status, String fileName, FileFormat fileFormat, String scopePath,
                           int rowsTotal, int rowsDone, int newCount, int updateCount, int unchangedCount, int errorCount,
                           int committedCount, String uploadedBy, String committedBy, String failureReason, Instant createdAt,
                           Instant validatedAt, Instant committedAt) {

    /** How far the current phase is, 0 to 1: rows checked in the dry run, rows written in the commit. */
    public double progress() {
        return switch (status) {
            case UPLOADED -> 0;
            case VALIDATING -> rowsTotal == 0 ? 0 : Math.min(1, (double) rowsDone / rowsTotal);
            case COMMITTING -> newCount + updateCount == 0 ? 1 : Math.min(1, (double) committedCount / (newCount + updateCount));
            default -> 1;
        };
    }
}
