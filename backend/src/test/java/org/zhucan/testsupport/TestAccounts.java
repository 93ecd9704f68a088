package org.zhucan.testsupport;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts that tests make straight in SQL: there is no API to create staff accounts. */
public final class TestAccounts {

    /** BCrypt of the demo password, as the demo accounts have it. */
    private static final String DEMO_PASSWORD_HASH = "$2a$10$wrTnWkSRVCoJmEHyxJVBYOAR452QStuItgAu1A8hpxinR9PVDxu66";

    private TestAccounts() {
    }

    /** A new account holding one role, with the demo password and the scope given (ids or null); returns its username. */
    public static String create(JdbcTemplate jdbc, String role, String operatorId, String regionId, String displayName) {
        return create(jdbc, role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 13), role, operatorId, regionId, displayName);
    }

    /** As {@link #create}, and logged in now through as: before any test moves the clock (tokens are checked against real time). */
    public static String loggedIn(Function<String, ?> as, JdbcTemplate jdbc, String role, String operatorId, String regionId, String displayName) {
        String username = create(jdbc, role, operatorId, regionId, displayName);
        as.apply(username);
        return username;
    }

    /** The same, with the username given (e.g. one shaped like a phone number). */
    public static String create(JdbcTemplate jdbc, String username, String role, String operatorId, String regionId, String displayName) {
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, enabled, operator_id, region_id, created_at) "
                        + "VALUES (?, ?, ?, TRUE, ?, ?, UTC_TIMESTAMP(6))", username, DEMO_PASSWORD_HASH, displayName,
                operatorId == null ? null : Long.valueOf(operatorId), regionId == null ? null : Long.valueOf(regionId));
        jdbc.update("INSERT INTO app_user_role (user_id, role) SELECT id, ? FROM app_user WHERE username = ?", role, username);
        return username;
    }
}
