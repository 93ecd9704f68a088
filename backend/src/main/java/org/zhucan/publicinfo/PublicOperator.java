package org.zhucan.publicinfo;

import org.zhucan.network.Operator;
import org.zhucan.network.OperatorKind;

/** An operator as the public sees it: the registry's name, code and kind; never its contact person or phone. */
record PublicOperator(long id, String name, String creditCode, OperatorKind kind) {

    static PublicOperator of(Operator operator) {
        return new PublicOperator(operator.id(), operator.name(), operator.creditCode(), operator.kind());
    }
}
