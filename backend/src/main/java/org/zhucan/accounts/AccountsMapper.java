package org.zhucan.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.security.Role;

/** Reads and writes accounts and family invitations for this module; token-revoking changes go through security.AccountService. */
@Mapper
interface AccountsMapper {

    /** The account, or null when there is none with that id. */
    AccountRow findById(@Param("id") long id);

    /** The account's id, or null when no account has that name. */
    Long findIdByUsername(@Param("username") String username);

    /** The account's password hash (for the own password change only). */
    String findPasswordHash(@Param("id") long id);

    List<AccountRow> findPage(@Param("filter") AccountFilter filter, @Param("usernameContains") String usernameContains, @Param("adminPath") String adminPath,
                              @Param("afterName") String afterName, @Param("afterId") Long afterId, @Param("limit") int limit);

    long count(@Param("filter") AccountFilter filter, @Param("usernameContains") String usernameContains, @Param("adminPath") String adminPath);

    /** The roles of these accounts, one row per account and role. */
    List<AccountRole> findRolesOf(@Param("ids") Collection<Long> ids);

    boolean existsByUsername(@Param("username") String username);

    /** How many enabled accounts hold ADMIN, leaving out one account (null: none left out). */
    long countEnabledAdmins(@Param("exceptId") Long exceptId);

    void insert(@Param("key") GeneratedKey key, @Param("username") String username, @Param("passwordHash") String passwordHash,
                @Param("displayName") String displayName, @Param("operatorId") Long operatorId, @Param("regionId") Long regionId,
                @Param("changeRequired") boolean changeRequired, @Param("at") Instant at);

    void insertRoles(@Param("userId") long userId, @Param("roles") Collection<Role> roles);

    void updateDisplayName(@Param("id") long id, @Param("displayName") String displayName);

    void insertInvitation(@Param("key") GeneratedKey key, @Param("dinerId") long dinerId, @Param("codeHash") String codeHash,
                          @Param("relation") String relation, @Param("issuedBy") String issuedBy, @Param("at") Instant at,
                          @Param("expiresAt") Instant expiresAt);

    /** The invitation with this code hash, locked until the transaction ends; null when there is none. */
    Invitation lockInvitation(@Param("codeHash") String codeHash);

    void markRedeemed(@Param("id") long id, @Param("userId") long userId, @Param("at") Instant at);

    /** An {@code app_user} row as administrators see it. */
    record AccountRow(long id, String username, String displayName, Long operatorId, Long regionId, boolean enabled,
                      boolean passwordChangeRequired, Instant createdAt) {
    }

    record AccountRole(long userId, Role role) {
    }

    /** A {@code family_invitation} row. */
    record Invitation(long id, long dinerId, String relation, Instant expiresAt, Instant redeemedAt) {
    }
}
