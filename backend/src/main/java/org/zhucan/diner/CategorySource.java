package org.zhucan.diner;

/** Where a diner's category entry came from: the eligibility history shows it for every version. */
public enum CategorySource {
    /** Entered by staff: registerDiner or updateDiner. */
    REGISTRY,
    /** A roster import; the source reference names the import. */
    ROSTER,
    /** An application approved after its publicity period; the source reference names the application. */
    APPLICATION
}
