package org.zhucan.network;

/** Narrows the operator list. */
public record OperatorFilter(OperatorKind kind, String text) {
}
