package org.zhucan.common.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AuditMapper {

    void insert(AuditEntry entry);

    /** Many entries in one multi-row INSERT (a roster import's diners). */
    void insertAll(@Param("entries") List<AuditEntry> entries);

    /** Newest first; {@code beforeId} is the keyset position (exclusive), null for the first page. */
    List<AuditEntry> findPage(@Param("filter") AuditLogFilter filter, @Param("beforeId") Long beforeId, @Param("limit") int limit);

    long count(@Param("filter") AuditLogFilter filter);
}
