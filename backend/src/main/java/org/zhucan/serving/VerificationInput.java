package org.zhucan.serving;

import jakarta.validation.constraints.Size;

public record VerificationInput(VerificationMethod method, @Size(max = 32) String idNumber, String faceToken,
                                @Size(max = 256) String qrPayload, String proxyReason, String pickedUpBy) {

    @Override
    public String toString() {
        return "VerificationInput[" + method + "]"; // never log an ID number or a token
    }
}
