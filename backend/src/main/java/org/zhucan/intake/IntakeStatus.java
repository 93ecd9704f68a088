package org.zhucan.intake;

/** Where an import's job stands: dry run (VALIDATING), then commit (COMMITTING) once asked for. */
public enum IntakeStatus {
    UPLOADED,
    VALIDATING,
    VALIDATED,
    COMMITTING,
    COMMITTED,
    FAILED,
    CANCELLED;

    /** A phase a job is running (or must resume): held under a lease. */
    boolean running() {
        return this == UPLOADED || this == VALIDATING || this == COMMITTING;
    }
}
