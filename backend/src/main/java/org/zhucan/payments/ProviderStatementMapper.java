package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Provider statements and the two sides they are matched from; SQL in ProviderStatementMapper.xml. */
@Mapper
interface ProviderStatementMapper {

    void insertStatement(KeyedStatement statement);

    void insertLines(@Param("statementId") long statementId, @Param("lines") List<StatementLine> lines);

    StatementRow findStatement(@Param("id") long id);

    /** The statement's net amount per reference. */
    List<Amount> theirs(@Param("statementId") long statementId);

    /** Our net amount per reference: the operator's payments (refunds netted) and top-ups by the provider, dated in the period. */
    List<Amount> ours(@Param("operatorId") long operatorId, @Param("provider") PaymentMethod provider, @Param("from") LocalDate from,
                      @Param("to") LocalDate to);

    record StatementLine(int lineNo, String reference, long amountFen, Instant paidAt) {
    }

    record StatementRow(long id, long operatorId, PaymentMethod provider, LocalDate from, LocalDate to, String importedBy, Instant importedAt) {
    }

    record Amount(String reference, long amountFen) {
    }

    /** A statement to insert; its id is set by the insert. */
    final class KeyedStatement {

        private final StatementRow s;
        private Long id;

        KeyedStatement(StatementRow statement) {
            this.s = statement;
        }

        long id() {
            return id;
        }
    }
}
