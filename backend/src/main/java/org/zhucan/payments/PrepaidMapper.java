package org.zhucan.payments;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads of prepaid balances and their ledgers, and the insert of one entry with its id; SQL in PrepaidMapper.xml. */
@Mapper
interface PrepaidMapper {

    /** The balance (0 without a row) and the sum of the entries, in one statement. */
    AccountRow account(@Param("dinerId") long dinerId);

    void insertEntry(KeyedEntry entry);

    PrepaidEntry findEntry(@Param("id") long id);

    /** A page of the diner's entries, newest first, each with the balance after it. */
    List<PrepaidEntry> findEntries(@Param("dinerId") long dinerId, @Param("beforeId") Long beforeId, @Param("limit") int limit);

    long countEntries(@Param("dinerId") long dinerId);

    /** Every balance of diners living in the region (all when null) beside the sum of its entries. */
    List<AccountRow> accountsIn(@Param("regionPath") String regionPath);

    record AccountRow(long dinerId, long balanceFen, long ledgerSumFen) {
    }

    /** An entry to insert; its id is set by the insert. */
    final class KeyedEntry {

        private final PaymentMapper.NewEntry e;
        private Long id;

        KeyedEntry(PaymentMapper.NewEntry entry) {
            this.e = entry;
        }

        long id() {
            return id;
        }
    }
}
