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

    /** An {@code app_user} row. */
    record UserAccountRow(long id, String username, String passwordHash, String displayName, boolean enabled,
                          Long operatorId, Long regionId) {
    }
}
