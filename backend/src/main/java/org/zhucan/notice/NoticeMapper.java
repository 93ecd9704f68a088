package org.zhucan.notice;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface NoticeMapper {

    void insertAll(@Param("notices") List<NewNotice> notices, @Param("by") String by, @Param("at") Instant at);

    /** The notices of the diners given, newest first, as the reader sees them (readAt its own); {@code beforeId} exclusive. */
    List<Notice> findPage(@Param("dinerIds") List<Long> dinerIds, @Param("unreadOnly") boolean unreadOnly, @Param("reader") String reader,
                          @Param("beforeId") Long beforeId, @Param("limit") int limit);

    long count(@Param("dinerIds") List<Long> dinerIds, @Param("unreadOnly") boolean unreadOnly, @Param("reader") String reader);

    Notice findById(@Param("id") long id, @Param("reader") String reader);

    /** Marks it read by the reader once; a second time keeps the first instant. */
    void markRead(@Param("id") long id, @Param("reader") String reader, @Param("at") Instant at);

    record NewNotice(long dinerId, NoticeKind kind, String title, String body) {
    }
}
