package org.zhucan.serving;

import jakarta.validation.constraints.Size;

/**
 * How the diner was verified. {@code deliveryEvidence} is not in the schema: only the delivery feature sets it
 * ({@link #delivery}), so a counter cannot record a meal as DELIVERY.
 */
public record VerificationInput(VerificationMethod method, @Size(max = 32) String idNumber, String faceToken,
                                @Size(max = 256) String qrPayload, String proxyReason, String pickedUpBy, String deliveryEvidence) {

    /** A courier's proof of delivery, as the delivery feature checked it. */
    static VerificationInput delivery(String evidence) {
        return new VerificationInput(VerificationMethod.DELIVERY, null, null, null, null, null, evidence);
    }

    @Override
    public String toString() {
        return "VerificationInput[" + method + "]"; // never log an ID number or a token
    }
}
