package org.zhucan.accounts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.accounts.AccountWorld.uniqueName;

/**
 * Family accounts without SQL (issue 18, point 5): staff who can see a diner issue a one-time
 * code; a family member redeems it without logging in to make a DINER account, or as a DINER
 * account to link it; either side or staff unlinks. Codes are kept hashed and never audited.
 */
class FamilyInvitationApiTests extends ApiTest {

    static final String ISSUE = """
            mutation($diner: ID!) {
              issueFamilyInvitation(input: { dinerId: $diner, relation: "子女" }) { code expiresAt userErrors { code field } }
            }""";
    static final String REDEEM = """
            mutation($input: RedeemFamilyInvitationInput!) {
              redeemFamilyInvitation(input: $input) { dinerId username userErrors { code field message } }
            }""";
    static final String ACCEPT = """
            mutation($code: String!) { acceptFamilyInvitation(input: { code: $code }) { dinerId username userErrors { code field } } }""";
    static final String UNLINK = """
            mutation($account: ID, $diner: ID!) {
              unlinkFamilyMember(input: { accountId: $account, dinerId: $diner }) { dinerId username userErrors { code field } }
            }""";

    @Autowired
    JdbcTemplate jdbc;

    AccountWorld world;
    String operatorDiner;

    @BeforeEach
    void setUp() {
        world = new AccountWorld(baseUrl(), as("admin"));
        // a diner the demo operator's staff can see: one who booked or ate at its sites
        operatorDiner = as("operator").document("{ diners(first: 1) { edges { node { id } } } }").execute()
                .path("diners.edges[0].node.id").entity(String.class).get();
    }

    @Test
    void shouldLetAFamilyMemberRedeemACodeOnceToMakeAnAccountForTheDiner() {
        String code = issue(as("operator"), operatorDiner);
        assertThat(code).matches("ZC-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        String username = uniqueName("jia");

        world.anonymous().document(REDEEM).variable("input", redeem(code.toLowerCase(), username, "demo1234")).execute()
                .path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
        GraphQlTester.Response redeemed = world.anonymous().document(REDEEM).variable("input", redeem(code.toLowerCase(), username,
                "Jasmine-Tea-2026")).execute();
        redeemed.path("redeemFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        redeemed.path("redeemFamilyInvitation.dinerId").entity(String.class).isEqualTo(operatorDiner);

        String token = world.login(username, "Jasmine-Tea-2026");
        HttpGraphQlTester family = world.bearer(token);
        family.document("{ me { roles dinerIds } }").execute().path("me.dinerIds").entityList(String.class).containsExactly(operatorDiner);
        family.document("{ diners(first: 5) { edges { node { id } } } }").execute()
                .path("diners.edges[*].node.id").entityList(String.class).containsExactly(operatorDiner);

        world.anonymous().document(REDEEM).variable("input", redeem(code, uniqueName("jia"), "Jasmine-Tea-2026")).execute()
                .path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INVITATION");
        String audited = String.join("\n", jdbc.queryForList("SELECT CONCAT(action, ' ', COALESCE(after_state, '')) FROM audit_log "
                + "WHERE entity_type = 'Diner' AND entity_id = ? AND action LIKE 'FAMILY_%'", String.class, operatorDiner));
        assertThat(audited).contains("FAMILY_INVITATION_ISSUED", "FAMILY_INVITATION_REDEEMED").doesNotContain(code, "Jasmine");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM family_invitation WHERE code_hash = ?", Integer.class, code)).isZero();
    }

    @Test
    void shouldRefuseAnExpiredOrUnknownCode() {
        String code = issue(as("admin"), operatorDiner);
        jdbc.update("UPDATE family_invitation SET issued_at = issued_at - INTERVAL 8 DAY, expires_at = expires_at - INTERVAL 8 DAY "
                + "WHERE code_hash = SHA2(?, 256)", code);
        for (String tried : List.of(code, "ZC-2222-3333-4444", "")) {
            world.anonymous().document(REDEEM).variable("input", redeem(tried, uniqueName("jia"), "Jasmine-Tea-2026")).execute()
                    .path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INVITATION");
        }
    }

    @Test
    void shouldLinkAnExistingFamilyAccountAndLetEitherSideUnlink() {
        String diner = new DinerFixtures(as("admin"), jdbc).registerActiveSince2020("邀请测试老人", firstVillage(),
                DinerFixtures.randomBirthDate(1940, 20), List.of(), null);
        // the operator's staff cannot see a diner who never came to its sites
        assertThat(Responses.errorType(as("operator").document(ISSUE).variable("diner", diner).execute())).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(as("finance").document(ISSUE).variable("diner", diner).execute())).isEqualTo("FORBIDDEN");

        String code = issue(as("admin"), diner);
        assertThat(Responses.errorType(as("finance").document(ACCEPT).variable("code", code).execute())).isEqualTo("FORBIDDEN");
        String username = TestAccountsBridge.familyAccount(jdbc);
        HttpGraphQlTester family = world.bearer(login(username, DEMO_PASSWORD));
        family.document(ACCEPT).variable("code", code).execute().path("acceptFamilyInvitation.dinerId").entity(String.class).isEqualTo(diner);
        family.document("query($id: ID!) { diner(id: $id) { id } }").variable("id", diner).execute().path("diner.id").entity(String.class)
                .isEqualTo(diner);

        family.document(UNLINK).variable("diner", diner).execute().path("unlinkFamilyMember.username").entity(String.class).isEqualTo(username);
        family.document("query($id: ID!) { diner(id: $id) { id } }").variable("id", diner).execute().path("diner").valueIsNull();
        family.document(UNLINK).variable("diner", diner).execute().path("unlinkFamilyMember.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_FAMILY_ACCOUNT");

        // staff unlink: ADMIN, naming the account
        String again = issue(as("admin"), diner);
        family.document(ACCEPT).variable("code", again).execute().path("acceptFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        String accountId = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM app_user WHERE username = ?", String.class, username);
        assertThat(Responses.errorType(as("inspector").document(UNLINK).variable("account", accountId).variable("diner", diner).execute()))
                .isEqualTo("FORBIDDEN");
        as("admin").document(UNLINK).variable("account", accountId).variable("diner", diner).execute()
                .path("unlinkFamilyMember.dinerId").entity(String.class).isEqualTo(diner);
        family.document("{ me { dinerIds } }").execute().path("me.dinerIds").entityList(String.class).doesNotContain(diner);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'Diner' AND entity_id = ? ORDER BY id", String.class, diner))
                .contains("FAMILY_INVITATION_ISSUED", "FAMILY_INVITATION_ACCEPTED", "FAMILY_UNLINKED");
    }

    private String firstVillage() {
        return jdbc.queryForObject("SELECT CAST(MIN(id) AS CHAR) FROM region WHERE level IN ('COMMUNITY', 'VILLAGE')", String.class);
    }

    private static String issue(HttpGraphQlTester staff, String diner) {
        GraphQlTester.Response response = staff.document(ISSUE).variable("diner", diner).execute();
        response.path("issueFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        response.path("issueFamilyInvitation.expiresAt").hasValue();
        return response.path("issueFamilyInvitation.code").entity(String.class).get();
    }

    private static Map<String, Object> redeem(String code, String username, String password) {
        return Map.of("code", code, "username", username, "password", password, "displayName", "王芳");
    }

    /** A fresh DINER account with the demo password, made the way the other tests make accounts. */
    static final class TestAccountsBridge {
        static String familyAccount(JdbcTemplate jdbc) {
            return org.zhucan.testsupport.TestAccounts.create(jdbc, "DINER", null, null, "邀请测试家属");
        }
    }
}
