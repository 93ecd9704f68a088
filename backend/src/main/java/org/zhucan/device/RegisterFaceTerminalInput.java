package org.zhucan.device;

/** registerFaceTerminal's input. */
public record RegisterFaceTerminalInput(Long siteId, String name, String serialNumber) {
}
