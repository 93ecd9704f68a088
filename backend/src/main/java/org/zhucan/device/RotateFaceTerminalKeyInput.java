package org.zhucan.device;

/** rotateFaceTerminalKey's input. */
public record RotateFaceTerminalKeyInput(Long terminalId) {
}
