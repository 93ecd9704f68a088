package org.zhucan.security;

import java.util.List;
import java.util.Set;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads accounts for login and the token check, and changes them for AccountService. */
@Mapper
interface UserAccountMapper {

    /** The account row, or null when no account has that name. */
    UserAccountRow findByUsername(@Param("username") String username);

    /** The account row, locked until the transaction ends; null when there is no such account. */
    UserAccountRow lockById(@Param("id") long id);

    List<Role> findRoles(@Param("userId") long userId);

    /** The diners a family account acts for. */
    List<Long> findDinerIdsOf(@Param("username") String username);

    /** What a token of this account must match: its version and whether it is enabled; null when there is no such account. */
    TokenVersion findTokenVersion(@Param("id") long id);

    /** Links an account to a diner; linking again changes nothing. */
    void linkDiner(@Param("userId") long userId, @Param("dinerId") long dinerId, @Param("relation") String relation,
                   @Param("at") java.time.Instant at);

    /** Sets whether the account is enabled and its scope, and adds one to its token version. */
    int update(@Param("id") long id, @Param("enabled") boolean enabled, @Param("operatorId") Long operatorId,
               @Param("regionId") Long regionId);

    void deleteRoles(@Param("userId") long userId);

    void insertRoles(@Param("userId") long userId, @Param("roles") Set<Role> roles);

    /** Sets the password hash and whether it must be changed at the next login, and adds one to the token version. */
    int setPassword(@Param("id") long id, @Param("passwordHash") String passwordHash,
                    @Param("changeRequired") boolean changeRequired, @Param("at") java.time.Instant at);

    /** Ends a family link; returns how many rows went (0 or 1). */
    int unlinkDiner(@Param("userId") long userId, @Param("dinerId") long dinerId);

    /** An {@code app_user} row. */
    record UserAccountRow(long id, String username, String passwordHash, String displayName, boolean enabled,
                          Long operatorId, Long regionId, long tokenVersion, boolean passwordChangeRequired) {
    }
}
