package org.zhucan.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

/** Imports, their encrypted file chunks, staged rows and row errors. Leases are timed by the database's clock. */
@Mapper
interface IntakeMapper {

    record NewImport(IntakeKind kind, String fileName, FileFormat fileFormat, String scopePath, String uploadedBy) {
    }

    void insertImport(@Param("key") GeneratedKey key, @Param("i") NewImport newImport, @Param("actor") Actor actor,
                      @Param("owner") String owner, @Param("leaseSeconds") int leaseSeconds, @Param("at") Instant at);

    /** The account a job acts as: the one that started its phase. */
    record Actor(String username, String name, String roles, Long regionId) {
    }

    Actor findActor(@Param("id") long id);

    void insertChunk(@Param("importId") long importId, @Param("seq") int seq, @Param("content") String content);

    List<String> findChunks(@Param("importId") long importId);

    int deleteChunks(@Param("importId") long importId);

    IntakeImport findById(@Param("id") long id);

    /** Newest first; {@code scopePath} null: every import, else those uploaded within that region. */
    List<IntakeImport> findPage(@Param("scopePath") String scopePath, @Param("national") boolean national,
                                @Param("beforeId") Long beforeId, @Param("limit") int limit);

    long count(@Param("scopePath") String scopePath, @Param("national") boolean national);

    /** Takes the job's lease when it is free, ran out, or is this instance's already. */
    int claim(@Param("id") long id, @Param("owner") String owner, @Param("leaseSeconds") int leaseSeconds);

    /** Jobs to resume: running phases whose lease ran out (or was never taken). */
    List<Long> findAbandoned(@Param("graceSeconds") int graceSeconds);

    /** Renews the lease and records progress; 0 when another instance took the job over. */
    int heartbeat(@Param("id") long id, @Param("owner") String owner, @Param("leaseSeconds") int leaseSeconds,
                  @Param("rowsDone") Integer rowsDone, @Param("committedCount") Integer committedCount);

    int startValidation(@Param("id") long id, @Param("owner") String owner);

    int finishValidation(@Param("id") long id, @Param("owner") String owner, @Param("rowsTotal") int rowsTotal, @Param("at") Instant at);

    int requestCommit(@Param("id") long id, @Param("actor") Actor actor, @Param("owner") String owner,
                      @Param("leaseSeconds") int leaseSeconds);

    int finishCommit(@Param("id") long id, @Param("owner") String owner, @Param("at") Instant at);

    int fail(@Param("id") long id, @Param("owner") String owner, @Param("reason") String reason);

    int cancel(@Param("id") long id);

    int recount(@Param("id") long id);

    record NewRow(long importId, int rowNumber, RowOutcome outcome, String idNumberHash, String idNumberMasked, Long dinerId,
                  String payloadEncrypted) {
    }

    void insertRows(@Param("rows") Collection<NewRow> rows);

    record NewError(long importId, int rowNumber, String column, String reason) {
    }

    void insertErrors(@Param("rows") Collection<NewError> rows);

    int deleteRows(@Param("importId") long importId);

    int deleteErrors(@Param("importId") long importId);

    int markErrors(@Param("importId") long importId, @Param("rowNumbers") Collection<Integer> rowNumbers);

    record PendingRow(long id, int rowNumber, RowOutcome outcome, String payloadEncrypted) {
    }

    List<PendingRow> findPending(@Param("importId") long importId, @Param("limit") int limit);

    int markCommitted(@Param("ids") Collection<Long> ids, @Param("at") Instant at);

    int markCommitFailed(@Param("id") long rowId);

    /** In row order; {@code afterRow}/{@code afterId} is the keyset position (exclusive), null for the first page. */
    List<IntakeRowError> findErrors(@Param("importId") long importId, @Param("afterRow") Integer afterRow, @Param("afterId") Long afterId,
                                    @Param("limit") int limit);

    long countErrors(@Param("importId") long importId);
}
