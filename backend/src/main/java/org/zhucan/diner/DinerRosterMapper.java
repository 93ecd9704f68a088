package org.zhucan.diner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The set-wise statements of roster imports: look-ups by many hashes, multi-row inserts. */
@Mapper
interface DinerRosterMapper {

    /** A registered diner with its encrypted phone (decrypted by the service for the comparison only). */
    record Found(long id, String idNumberHash, String name, String phoneEncrypted, long homeCommunityId, String communityPath,
                 String address, DinerStatus status, LocalDate statusSince, int version) {
    }

    List<Found> findByIdNumberHashes(@Param("hashes") Collection<String> hashes);

    /** One row to insert: the personal numbers already encrypted. */
    record NewDiner(String name, String idNumberEncrypted, String idNumberHash, String idNumberMasked, LocalDate birthDate,
                    String sex, String phoneEncrypted, String phoneMasked, long homeCommunityId, String address) {
    }

    void insertAll(@Param("rows") Collection<NewDiner> rows, @Param("statusSince") LocalDate statusSince, @Param("at") Instant at);

    record Key(long id, String idNumberHash) {
    }

    List<Key> findIdsByHashes(@Param("hashes") Collection<String> hashes);

    record NewCategory(long dinerId, DinerCategoryEntry entry) {
    }

    void insertCategories(@Param("rows") Collection<NewCategory> rows, @Param("source") CategorySource source,
                          @Param("sourceRef") String sourceRef, @Param("by") String by, @Param("at") Instant at);

    void insertActivations(@Param("dinerIds") Collection<Long> dinerIds, @Param("effectiveOn") LocalDate effectiveOn,
                           @Param("by") String by, @Param("at") Instant at);

    record NewAssessment(long dinerId, int level) {
    }

    void insertAssessments(@Param("rows") Collection<NewAssessment> rows, @Param("assessedOn") LocalDate assessedOn,
                           @Param("assessor") String assessor, @Param("by") String by, @Param("at") Instant at);

    int updateDetails(@Param("id") long id, @Param("version") int version, @Param("name") String name,
                      @Param("phoneEncrypted") String phoneEncrypted, @Param("phoneMasked") String phoneMasked,
                      @Param("address") String address, @Param("at") Instant at);
}
