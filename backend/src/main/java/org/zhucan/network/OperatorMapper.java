package org.zhucan.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface OperatorMapper {

    Operator findById(@Param("id") long id);

    List<Operator> findByIds(@Param("ids") Collection<Long> ids);

    /** By name then id; {@code afterName}/{@code afterId} is the keyset position (exclusive). */
    List<Operator> findPage(@Param("kind") OperatorKind kind, @Param("text") String text, @Param("afterName") String afterName,
                            @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("kind") OperatorKind kind, @Param("text") String text);

    boolean existsByCreditCode(@Param("creditCode") String creditCode, @Param("exceptId") Long exceptId);

    void insert(@Param("key") GeneratedKey key, @Param("name") String name, @Param("creditCode") String creditCode,
                @Param("kind") OperatorKind kind, @Param("contactName") String contactName,
                @Param("contactPhone") String contactPhone, @Param("at") Instant at);

    int update(@Param("id") long id, @Param("name") String name, @Param("creditCode") String creditCode,
               @Param("kind") OperatorKind kind, @Param("contactName") String contactName,
               @Param("contactPhone") String contactPhone, @Param("at") Instant at);

    void insertContract(@Param("key") GeneratedKey key, @Param("operatorId") long operatorId,
                        @Param("districtId") long districtId, @Param("validFrom") LocalDate validFrom,
                        @Param("validTo") LocalDate validTo, @Param("at") Instant at);

    void insertContractCommunities(@Param("contractId") long contractId, @Param("communityIds") Collection<Long> communityIds);

    OperatorContract findContract(@Param("id") long id);

    /** Contracts of the given operators, newest first. */
    boolean operatesIn(@Param("operatorId") long operatorId, @Param("regionPath") String regionPath);

    List<OperatorContract> findContractsOf(@Param("operatorIds") Collection<Long> operatorIds);

    /** Locks the district's contract row (made on first use) until the transaction ends. */
    void lockDistrict(@Param("districtId") long districtId);

    /** Another contract of the district running on one of the days and covering one of the communities (all, when empty). */
    OperatorContract findOverlapping(@Param("districtId") long districtId, @Param("exceptId") Long exceptId,
                                     @Param("communityIds") Collection<Long> communityIds, @Param("validFrom") LocalDate validFrom,
                                     @Param("validTo") LocalDate validTo);

    boolean covers(@Param("operatorId") long operatorId, @Param("communityId") long communityId, @Param("on") LocalDate on);

    OperatorContract findInForce(@Param("operatorId") long operatorId, @Param("districtId") long districtId, @Param("on") LocalDate on);

    List<Long> communitiesOf(@Param("contractId") long contractId);

    int updateContract(@Param("id") long id, @Param("validFrom") LocalDate validFrom, @Param("validTo") LocalDate validTo,
                       @Param("endReason") String endReason, @Param("at") Instant at);

    int endContract(@Param("id") long id, @Param("validTo") LocalDate validTo, @Param("endReason") String endReason, @Param("at") Instant at);

    void deleteContractCommunities(@Param("contractId") long contractId);

    List<ContractCommunity> findContractCommunities(@Param("contractIds") Collection<Long> contractIds);

    /** A community a contract covers. */
    record ContractCommunity(long contractId, long communityId) {
    }
}
