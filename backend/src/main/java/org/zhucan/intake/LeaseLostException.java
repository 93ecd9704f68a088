package org.zhucan.intake;

/** Another instance took the job over (this one's lease ran out): this one stops without touching it further. */
class LeaseLostException extends RuntimeException {
    LeaseLostException(long importId) {
        super("lease of import " + importId + " lost");
    }
}
