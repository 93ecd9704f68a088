package org.zhucan.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.accounts.AccountWorld.Created;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.accounts.AccountWorld.uniqueName;

/**
 * A region's ADMIN manages the accounts of its region only (issues 18, points 1 and 2): it lists,
 * creates and resets accounts scoped inside its subtree and the staff of operators working there;
 * an account of another district or of the city above is not found, and it cannot give an account
 * a scope outside its region. A national ADMIN manages all.
 */
class RegionAccountAdminTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepADistrictAdministratorToTheAccountsOfItsDistrict() {
        String yibin = regionId("410371000000");
        String yanshi = regionId("410307000000");
        AccountWorld district = new AccountWorld(baseUrl(), as("yibin_admin"));

        Created inside = district.create(uniqueName("yb-fin"), List.of("FINANCE"), null, yibin);
        GraphQlTester.Response outside = as("yibin_admin").documentName("accountsCreate")
                .variable("input", Map.of("username", uniqueName("ys-fin"), "displayName", "测试账号", "roles", List.of("FINANCE"), "regionId", yanshi))
                .execute();
        assertThat(Responses.errorType(outside)).isEqualTo("FORBIDDEN");

        assertThat(listed("yibin_admin", inside.username())).containsExactly(inside.username());
        assertThat(listed("yibin_admin", "yibin_admin")).containsExactly("yibin_admin");
        assertThat(listed("yibin_admin", "yanshi_admin")).isEmpty();
        assertThat(listed("yibin_admin", "city_admin")).isEmpty();
        assertThat(listed("admin", inside.username())).containsExactly(inside.username());
        assertThat(listed("admin", "yanshi_admin")).containsExactly("yanshi_admin");
        assertThat(listed("city_admin", "yanshi_admin")).containsExactly("yanshi_admin");

        String cityAdmin = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM app_user WHERE username = 'city_admin'", String.class);
        assertThat(Responses.errorType(as("yibin_admin").documentName("accountsResetPassword").variable("id", cityAdmin).execute()))
                .isEqualTo("NOT_FOUND");
        as("yibin_admin").documentName("accountsResetPassword").variable("id", inside.id()).execute()
                .path("resetPassword.account.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);
        as("city_admin").documentName("accountsResetPassword").variable("id", inside.id()).execute()
                .path("resetPassword.account.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);
    }

    /** The usernames holding this text that the caller's account list shows. */
    private List<String> listed(String caller, String usernameContains) {
        return as(caller).documentName("accountsList").variable("filter", Map.of("usernameContains", usernameContains)).variable("first", 50)
                .execute().path("accounts.edges[*].node.username").entityList(String.class).get();
    }

    private String regionId(String divisionCode) {
        return jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM region WHERE division_code = ?", String.class, divisionCode);
    }
}
