package org.zhucan.device;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface FaceTerminalMapper {

    FaceTerminal findById(@Param("id") long id);

    /** The terminal, its row locked until the transaction ends: rotations and disabling take turns. */
    FaceTerminal findByIdForUpdate(@Param("id") long id);

    /** Newest first. */
    List<FaceTerminal> findBySite(@Param("siteId") long siteId);

    FaceTerminal findActiveBySerial(@Param("serialNumber") String serialNumber);

    /** What checking a token needs, in one read: the terminal and its key of that version (key fields null when there is none). */
    TokenKey findTokenKey(@Param("terminalId") long terminalId, @Param("version") int version);

    void insert(@Param("key") GeneratedKey key, @Param("siteId") long siteId, @Param("name") String name,
                @Param("serialNumber") String serialNumber, @Param("by") String by, @Param("at") Instant at);

    void insertKey(@Param("row") FaceTerminalKey row);

    /** Points the terminal at the key version after {@code from}; 0 unless it is ACTIVE at {@code from}. */
    int advanceKeyVersion(@Param("id") long id, @Param("from") int from);

    /** Sets the version's retired_at: from then on it verifies only tokens signed before. */
    int retireKey(@Param("terminalId") long terminalId, @Param("version") int version, @Param("at") Instant at);

    /** 0 unless the terminal was ACTIVE. */
    int disable(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("reason") String reason);

    /** A terminal with one of its key versions; the key fields are null when it has no such version. */
    record TokenKey(long terminalId, long siteId, FaceTerminalStatus status, String secret, Instant validFrom, Instant retiredAt) {

        @Override
        public String toString() {
            return "TokenKey[" + terminalId + "]"; // never the (sealed) secret
        }
    }
}
