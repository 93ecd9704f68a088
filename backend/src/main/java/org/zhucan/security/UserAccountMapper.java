package org.zhucan.security;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads accounts for login. */
@Mapper
interface UserAccountMapper {

    /** The account row, or null when no account has that name. */
    UserAccountRow findByUsername(@Param("username") String username);

    List<Role> findRoles(@Param("userId") long userId);

    /** The diners a family account acts for. */
    List<Long> findDinerIdsOf(@Param("username") String username);

    /** Links an account to a diner; linking again changes nothing. */
    void linkDiner(@Param("userId") long userId, @Param("dinerId") long dinerId, @Param("relation") String relation,
                   @Param("at") java.time.Instant at);

    /** An {@code app_user} row. */
    record UserAccountRow(long id, String username, String passwordHash, String displayName, boolean enabled,
                          Long operatorId, Long regionId) {
    }
}
