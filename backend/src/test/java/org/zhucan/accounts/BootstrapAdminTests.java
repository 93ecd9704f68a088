package org.zhucan.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.accounts.BootstrapAdmin.Outcome;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first administrator without SQL: created only while no enabled ADMIN exists, under the
 * password policy, audited, and then held to changing its password; refused (nothing changed)
 * once an administrator exists. The last enabled ADMIN cannot be disabled.
 */
class BootstrapAdminTests extends ApiTest {

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    AccountAdminService admin;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRefuseOnceAnEnabledAdministratorExists() {
        String username = AccountWorld.uniqueName("boot");
        assertThat(bootstrap.bootstrap(username, "Harbour-Light-2026", null)).isEqualTo(Outcome.REFUSED_ADMIN_EXISTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username)).isZero();
    }

    @Test
    void shouldCreateTheFirstAdministratorOnlyWhenThereIsNone() {
        List<Long> enabledAdmins = jdbc.queryForList("SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id "
                + "AND r.role = 'ADMIN' WHERE u.enabled = TRUE", Long.class);
        String username = AccountWorld.uniqueName("boot");
        // as a new database has it: no enabled ADMIN (restored below; the cached token versions never saw the change)
        jdbc.update("UPDATE app_user u JOIN app_user_role r ON r.user_id = u.id AND r.role = 'ADMIN' SET u.enabled = FALSE");
        try {
            assertThat(bootstrap.bootstrap(username, "demo1234", null)).isEqualTo(Outcome.REFUSED_INVALID);
            assertThat(bootstrap.bootstrap(username, "Harbour-Light-2026", "区民政局系统管理员")).isEqualTo(Outcome.CREATED);
            assertThat(bootstrap.bootstrap(AccountWorld.uniqueName("boot"), "Harbour-Light-2026", null)).isEqualTo(Outcome.REFUSED_ADMIN_EXISTS);

            long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
            AccountResult last = SystemActor.runAs("system:test", () -> admin.disable(id));
            assertThat(last.userErrors()).extracting(e -> e.code().name()).containsExactly("LAST_ADMIN");
        } finally {
            for (Long id : enabledAdmins) {
                jdbc.update("UPDATE app_user SET enabled = TRUE WHERE id = ?", id);
            }
        }
        assertThat(jdbc.queryForObject("SELECT password_change_required FROM app_user WHERE username = ?", Boolean.class, username)).isTrue();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'ACCOUNT_BOOTSTRAPPED' AND entity_id = ?", String.class,
                username)).isEqualTo("system:bootstrap");
        String token = new AccountWorld(baseUrl(), as("admin")).login(username, "Harbour-Light-2026");
        assertThat(token).isNotBlank();
    }
}
