package org.zhucan.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.zhucan.testsupport.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the accounts tests share: make an account through the API, log in, change the first password. */
final class AccountWorld {

    static final String NEW_PASSWORD = "Lotus-Canteen-2026";

    private final String baseUrl;
    private final HttpGraphQlTester admin;

    AccountWorld(String baseUrl, HttpGraphQlTester admin) {
        this.baseUrl = baseUrl;
        this.admin = admin;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpGraphQlTester anonymous() {
        return TestClients.graphQl(baseUrl);
    }

    HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** Created by ADMIN: its id and one-time password. */
    Created create(String username, List<String> roles, String operatorId, String regionId) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("username", username, "displayName", "测试账号", "roles", roles));
        input.put("operatorId", operatorId);
        input.put("regionId", regionId);
        GraphQlTester.Response response = admin.documentName("accountsCreate").variable("input", input).execute();
        response.path("createAccount.userErrors").entityList(Object.class).hasSize(0);
        return new Created(response.path("createAccount.account.id").entity(String.class).get(), username,
                response.path("createAccount.oneTimePassword").entity(String.class).get());
    }

    /** Logged in; null token when refused (the user error code is then in the response). */
    String login(String username, String password) {
        return loginResponse(username, password).path("login.token").entity(String.class).get();
    }

    String loginFails(String username, String password) {
        GraphQlTester.Response response = loginResponse(username, password);
        response.path("login.token").valueIsNull();
        return response.path("login.userErrors[0].code").entity(String.class).get();
    }

    private GraphQlTester.Response loginResponse(String username, String password) {
        return anonymous().documentName("login").variable("username", username).variable("password", password).execute();
    }

    /** Created, first password changed to NEW_PASSWORD, and logged in with it: a token that works for everything. */
    String ready(Created account) {
        String first = login(account.username(), account.oneTimePassword());
        changePassword(first, account.oneTimePassword(), NEW_PASSWORD).path("changePassword.changed").entity(Boolean.class).isEqualTo(true);
        String token = login(account.username(), NEW_PASSWORD);
        assertThat(token).isNotBlank();
        return token;
    }

    /** The account of this token changes its password from old to new. */
    GraphQlTester.Response changePassword(String token, String oldPassword, String newPassword) {
        return bearer(token).documentName("accountsChangePassword").variable("old", oldPassword).variable("new", newPassword).execute();
    }

    record Created(String id, String username, String oneTimePassword) {
    }
}
