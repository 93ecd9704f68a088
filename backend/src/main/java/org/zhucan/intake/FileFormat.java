package org.zhucan.intake;

/** The formats an import is uploaded in. */
public enum FileFormat {
    CSV,
    XLSX
}
