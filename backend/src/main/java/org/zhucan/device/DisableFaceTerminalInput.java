package org.zhucan.device;

/** disableFaceTerminal's input. */
public record DisableFaceTerminalInput(Long terminalId, String reason) {
}
