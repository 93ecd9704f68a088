package org.zhucan.device;

/** Whether a face terminal's tokens count. DISABLED is for good: a lost or compromised device. */
public enum FaceTerminalStatus {
    ACTIVE,
    DISABLED
}
