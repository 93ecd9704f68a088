package org.zhucan.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.accounts.AccountWorld.Created;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.accounts.AccountWorld.NEW_PASSWORD;
import static org.zhucan.accounts.AccountWorld.uniqueName;

/**
 * Accounts without SQL (issue 18, point 1): ADMIN creates, edits, disables, enables and resets
 * accounts through the API; a one-time password must be changed before anything else works; a
 * disabled account or a changed role is refused at once; the password policy holds; every change
 * is audited, never with a password.
 */
class AccountsApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    AccountWorld world;
    String district;
    String operator;

    @BeforeEach
    void setUp() {
        world = new AccountWorld(baseUrl(), as("admin"));
        district = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM region WHERE division_code = '410371000000'", String.class);
        operator = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM operator WHERE credit_code = '91410300MA9GCY0B2D'", String.class);
    }

    @Test
    void shouldRequireANewAccountToChangeItsOneTimePasswordBeforeAnythingElse() {
        Created created = world.create(uniqueName("fin"), List.of("FINANCE"), null, district);
        assertThat(created.oneTimePassword()).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");

        String first = world.login(created.username(), created.oneTimePassword());
        world.bearer(first).documentName("me").execute().path("me.username").entity(String.class).isEqualTo(created.username());
        GraphQlTester.Response refused = world.bearer(first).documentName("diners").variable("first", 1).execute();
        assertThat(Responses.errorType(refused)).isEqualTo("FORBIDDEN");
        refused.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "PASSWORD_CHANGE_REQUIRED"));

        world.changePassword(first, created.oneTimePassword(), "short")
                .path("changePassword.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
        world.changePassword(first, created.oneTimePassword(), "Password1234")
                .path("changePassword.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
        world.changePassword(first, "wrong-password-1", NEW_PASSWORD)
                .path("changePassword.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        world.changePassword(first, created.oneTimePassword(), NEW_PASSWORD)
                .path("changePassword.changed").entity(Boolean.class).isEqualTo(true);

        assertUnauthorized(first); // every token of the account stops working, this one too
        assertThat(world.loginFails(created.username(), created.oneTimePassword())).isEqualTo("INVALID_CREDENTIALS");
        String token = world.login(created.username(), NEW_PASSWORD);
        world.bearer(token).documentName("diners").variable("first", 1).execute()
                .path("diners.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        String audited = String.join("\n", jdbc.queryForList("SELECT CONCAT(action, ' ', COALESCE(before_state, ''), ' ', COALESCE(after_state, '')) "
                + "FROM audit_log WHERE entity_type = 'AppUser' AND entity_id = ? ORDER BY id", String.class, created.username()));
        assertThat(audited).contains("ACCOUNT_CREATED", "PASSWORD_CHANGED_AFTER_RESET")
                .doesNotContain(created.oneTimePassword(), NEW_PASSWORD).doesNotContain("$2a$");
    }

    @Test
    void shouldRefuseADisabledAccountAtOnce() {
        Created created = world.create(uniqueName("op"), List.of("OPERATOR"), operator, null);
        String token = world.ready(created);
        world.bearer(token).documentName("diners").variable("first", 1).execute().path("diners.totalCount").hasValue();

        as("admin").documentName("accountsDisable")
                .variable("id", created.id()).execute().path("disableAccount.account.enabled").entity(Boolean.class).isEqualTo(false);

        assertUnauthorized(token);
        assertThat(world.loginFails(created.username(), NEW_PASSWORD)).isEqualTo("INVALID_CREDENTIALS");

        as("admin").documentName("accountsEnable")
                .variable("id", created.id()).execute().path("enableAccount.account.enabled").entity(Boolean.class).isEqualTo(true);
        assertUnauthorized(token); // enabling does not bring old tokens back
        assertThat(world.login(created.username(), NEW_PASSWORD)).isNotBlank();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'AppUser' AND entity_id = ? ORDER BY id", String.class,
                created.username())).contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
    }

    @Test
    void shouldRequireAResetPasswordToBeChangedBeforeAnythingElseWorks() {
        Created created = world.create(uniqueName("insp"), List.of("INSPECTOR"), null, district);
        String token = world.ready(created);

        GraphQlTester.Response reset = as("admin").documentName("accountsResetPassword").variable("id", created.id()).execute();
        reset.path("resetPassword.account.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);
        String oneTimePassword = reset.path("resetPassword.oneTimePassword").entity(String.class).get();

        assertUnauthorized(token);
        assertThat(world.loginFails(created.username(), NEW_PASSWORD)).isEqualTo("INVALID_CREDENTIALS");
        String first = world.login(created.username(), oneTimePassword);
        for (String document : List.of("inspections", "diners", "auditLog")) {
            world.bearer(first).documentName(document).variable("first", 1).execute().errors()
                    .satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "PASSWORD_CHANGE_REQUIRED"));
        }
        world.changePassword(first, oneTimePassword, "Another-Lotus-2027")
                .path("changePassword.changed").entity(Boolean.class).isEqualTo(true);
        String fresh = world.login(created.username(), "Another-Lotus-2027");
        world.bearer(fresh).documentName("inspections").variable("first", 1).execute().path("inspections.totalCount").hasValue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'AppUser' AND entity_id = ? ORDER BY id", String.class,
                created.username())).contains("PASSWORD_RESET");
    }

    @Test
    void shouldRevokeTokensAtOnceWhenRolesOrScopeChange() {
        Created created = world.create(uniqueName("fin"), List.of("FINANCE"), null, district);
        String token = world.ready(created);
        GraphQlTester.Response updated = as("admin").documentName("accountsUpdate").variable("input", Map.of("accountId", created.id(),
                "displayName", "区市场监管局新检查员", "roles", List.of("INSPECTOR"), "regionId", district)).execute();
        updated.path("updateAccount.userErrors").entityList(Object.class).hasSize(0);
        updated.path("updateAccount.account.roles").entityList(String.class).containsExactly("INSPECTOR");
        updated.path("updateAccount.account.displayName").entity(String.class).isEqualTo("区市场监管局新检查员");
        assertUnauthorized(token);
        world.bearer(world.login(created.username(), NEW_PASSWORD)).documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("INSPECTOR");

        // a change that leaves the scope wrong changes nothing
        as("admin").documentName("accountsUpdate")
                .variable("input", Map.of("accountId", created.id(), "roles", List.of("OPERATOR"))).execute()
                .path("updateAccount.userErrors[0].code").entity(String.class).isEqualTo("INVALID_SCOPE");
    }

    @Test
    void shouldRefuseAnAccountWhoseScopeDoesNotFitItsRoles() {
        Map<String, Object> base = Map.of("username", uniqueName("bad"), "displayName", "错误范围");
        assertCreateError(with(base, "roles", List.of("OPERATOR")), "INVALID_SCOPE", "operatorId");
        assertCreateError(with(with(base, "roles", List.of("FINANCE")), "operatorId", operator), "INVALID_SCOPE", "operatorId");
        assertCreateError(with(base, "roles", List.of("ADMIN")), "INVALID_SCOPE", "regionId");
        assertCreateError(with(with(base, "roles", List.of("DINER")), "regionId", district), "INVALID_SCOPE", "regionId");
        assertCreateError(with(base, "roles", List.of()), "INVALID_INPUT", "roles");
        assertCreateError(with(with(with(base, "roles", List.of("FINANCE")), "regionId", district), "username", "a b"), "INVALID_INPUT",
                "username");
        assertCreateError(with(with(with(base, "roles", List.of("FINANCE")), "regionId", district), "username", "ADMIN"),
                "DUPLICATE_USERNAME", "username");
        GraphQlTester.Response unknown = as("admin").documentName("accountsCreate")
                .variable("input", with(with(base, "roles", List.of("FINANCE")), "regionId", "999999999")).execute();
        assertThat(Responses.errorType(unknown)).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldListAccountsByFilterAndPage() {
        String prefix = uniqueName("list");
        Created first = world.create(prefix + "-a", List.of("FINANCE"), null, district);
        world.create(prefix + "-b", List.of("FINANCE"), null, district);
        world.create(prefix + "-c", List.of("OPERATOR"), operator, null);
        as("admin").documentName("accountsDisable").variable("id", first.id()).execute();
        GraphQlTester.Response page = accounts("admin", Map.of("usernameContains", prefix.toUpperCase()), 2).execute();
        page.path("accounts.totalCount").entity(Integer.class).isEqualTo(3);
        page.path("accounts.edges[*].node.username").entityList(String.class).containsExactly(prefix + "-a", prefix + "-b");
        String after = page.path("accounts.pageInfo.endCursor").entity(String.class).get();
        accounts("admin", Map.of("usernameContains", prefix), 2).variable("after", after).execute()
                .path("accounts.edges[*].node.username").entityList(String.class).containsExactly(prefix + "-c");
        accounts("admin", Map.of("usernameContains", prefix, "role", "OPERATOR", "operatorId", operator), 2).execute()
                .path("accounts.edges[*].node.username").entityList(String.class).containsExactly(prefix + "-c");
        accounts("admin", Map.of("usernameContains", prefix, "enabled", false, "regionId", district), 2).execute()
                .path("accounts.edges[*].node.username").entityList(String.class).containsExactly(prefix + "-a");
        assertThat(Responses.errorType(as("finance").documentName("accountsList").variable("first", 2).execute())).isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldListAccountsWithTheSameNumberOfStatementsForAnyPageSize() {
        String prefix = uniqueName("nplus");
        for (int i = 0; i < 5; i++) {
            world.create(prefix + "-" + i, List.of("FINANCE", "INSPECTOR"), null, district);
        }
        Map<String, Object> filter = Map.of("usernameContains", prefix);
        assertStatementsDoNotGrow(() -> statementsDuring(() -> accounts("admin", filter, 1).execute()),
                () -> statementsDuring(() -> accounts("admin", filter, 5).execute()));
    }

    private void assertCreateError(Map<String, Object> input, String code, String field) {
        GraphQlTester.Response response = as("admin").documentName("accountsCreate").variable("input", input).execute();
        response.path("createAccount.account").valueIsNull();
        response.path("createAccount.userErrors[0].code").entity(String.class).isEqualTo(code);
        response.path("createAccount.userErrors[0].field").entityList(String.class).containsExactly("input", field);
    }

    /** The first page of the account list as the caller sees it. */
    private GraphQlTester.Request<?> accounts(String caller, Map<String, Object> filter, int first) {
        return as(caller).documentName("accountsList").variable("filter", filter).variable("first", first);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private void assertUnauthorized(String token) {
        TestClients.http(baseUrl()).post().uri("/graphql").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").bodyValue(Map.of("query", TestDocuments.named("me")))
                .exchange().expectStatus().isUnauthorized();
    }
}
