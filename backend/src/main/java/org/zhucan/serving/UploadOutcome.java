package org.zhucan.serving;

/** What became of one uploaded offline record. */
public enum UploadOutcome {
    ACCEPTED,
    DUPLICATE,
    REJECTED
}
