package org.zhucan.network;

/** A company or organisation that runs sites (运营主体). */
public record Operator(long id, String name, String creditCode, OperatorKind kind, String contactName, String contactPhone) {
}
