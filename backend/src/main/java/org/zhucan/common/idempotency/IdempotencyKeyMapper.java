package org.zhucan.common.idempotency;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IdempotencyKeyMapper {

    void insert(@Param("username") String username, @Param("key") String key, @Param("operation") String operation,
                @Param("requestHash") String requestHash, @Param("at") Instant at, @Param("expiresAt") Instant expiresAt, @Param("resultId") Long resultId);

    /** A locking read: it sees the committed row of the request that claimed the key first. */
    KeyRow findForUpdate(@Param("username") String username, @Param("key") String key);

    void setResult(@Param("username") String username, @Param("key") String key, @Param("resultId") long resultId);

    int deleteExpired(@Param("username") String username, @Param("key") String key, @Param("now") Instant now);

    int deleteAllExpired(@Param("now") Instant now);

    record KeyRow(String operation, String requestHash, Long resultId, Instant expiresAt) {
    }
}
