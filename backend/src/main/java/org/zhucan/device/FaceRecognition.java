package org.zhucan.device;

/** Who a genuine face token names, and which terminal and key version signed it. */
public record FaceRecognition(long terminalId, int keyVersion, long dinerId) {
}
