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

    @Autowired
    JdbcTemplate jdbc;

    AccountWorld world;
    String operatorDiner;

    @BeforeEach
    void setUp() {
        world = new AccountWorld(baseUrl(), as("admin"));
        // a diner the demo operator's staff can see: one who booked or ate at its sites
        operatorDiner = as("operator").documentName("diners").variable("first", 1).execute()
                .path("diners.edges[0].node.id").entity(String.class).get();
    }

    @Test
    void shouldLetAFamilyMemberRedeemACodeOnceToMakeAnAccountForTheDiner() {
        String code = issue(as("operator"), operatorDiner);
        assertThat(code).matches("ZC-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        String username = uniqueName("jia");

        redeem(code.toLowerCase(), username, "demo1234")
                .path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("WEAK_PASSWORD");
        GraphQlTester.Response redeemed = redeem(code.toLowerCase(), username, "Jasmine-Tea-2026");
        redeemed.path("redeemFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        redeemed.path("redeemFamilyInvitation.dinerId").entity(String.class).isEqualTo(operatorDiner);

        String token = world.login(username, "Jasmine-Tea-2026");
        HttpGraphQlTester family = world.bearer(token);
        family.documentName("me").execute().path("me.dinerIds").entityList(String.class).containsExactly(operatorDiner);
        family.documentName("diners").variable("first", 5).execute()
                .path("diners.edges[*].node.id").entityList(String.class).containsExactly(operatorDiner);

        redeem(code, uniqueName("jia"), "Jasmine-Tea-2026")
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
            redeem(tried, uniqueName("jia"), "Jasmine-Tea-2026")
                    .path("redeemFamilyInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INVITATION");
        }
    }

    @Test
    void shouldLinkAnExistingFamilyAccountAndLetEitherSideUnlink() {
        String diner = new DinerFixtures(as("admin"), jdbc).registerActiveSince2020("邀请测试老人", firstVillage(),
                DinerFixtures.randomBirthDate(1940, 20), List.of(), null);
        // the operator's staff cannot see a diner who never came to its sites
        assertThat(Responses.errorType(issueRequest(as("operator"), diner))).isEqualTo("NOT_FOUND");
        assertThat(Responses.errorType(issueRequest(as("finance"), diner))).isEqualTo("FORBIDDEN");

        String code = issue(as("admin"), diner);
        assertThat(Responses.errorType(as("finance").documentName("familyAcceptInvitation").variable("code", code).execute())).isEqualTo("FORBIDDEN");
        String username = TestAccountsBridge.familyAccount(jdbc);
        HttpGraphQlTester family = world.bearer(login(username, DEMO_PASSWORD));
        family.documentName("familyAcceptInvitation").variable("code", code).execute()
                .path("acceptFamilyInvitation.dinerId").entity(String.class).isEqualTo(diner);
        family.documentName("dinerById").variable("id", diner).execute().path("diner.id").entity(String.class)
                .isEqualTo(diner);

        family.documentName("familyUnlinkMember").variable("diner", diner).execute()
                .path("unlinkFamilyMember.username").entity(String.class).isEqualTo(username);
        family.documentName("dinerById").variable("id", diner).execute().path("diner").valueIsNull();
        family.documentName("familyUnlinkMember").variable("diner", diner).execute()
                .path("unlinkFamilyMember.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_FAMILY_ACCOUNT");

        // staff unlink: ADMIN, naming the account
        String again = issue(as("admin"), diner);
        family.documentName("familyAcceptInvitation").variable("code", again).execute()
                .path("acceptFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        String accountId = jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM app_user WHERE username = ?", String.class, username);
        assertThat(Responses.errorType(as("inspector").documentName("familyUnlinkMember").variable("account", accountId)
                .variable("diner", diner).execute()))
                .isEqualTo("FORBIDDEN");
        as("admin").documentName("familyUnlinkMember").variable("account", accountId).variable("diner", diner).execute()
                .path("unlinkFamilyMember.dinerId").entity(String.class).isEqualTo(diner);
        family.documentName("me").execute().path("me.dinerIds").entityList(String.class).doesNotContain(diner);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'Diner' AND entity_id = ? ORDER BY id", String.class, diner))
                .contains("FAMILY_INVITATION_ISSUED", "FAMILY_INVITATION_ACCEPTED", "FAMILY_UNLINKED");
    }

    private String firstVillage() {
        return jdbc.queryForObject("SELECT CAST(MIN(id) AS CHAR) FROM region WHERE level IN ('COMMUNITY', 'VILLAGE')", String.class);
    }

    private static String issue(HttpGraphQlTester staff, String diner) {
        GraphQlTester.Response response = issueRequest(staff, diner);
        response.path("issueFamilyInvitation.userErrors").entityList(Object.class).hasSize(0);
        response.path("issueFamilyInvitation.expiresAt").hasValue();
        return response.path("issueFamilyInvitation.code").entity(String.class).get();
    }

    private static GraphQlTester.Response issueRequest(HttpGraphQlTester staff, String diner) {
        return staff.documentName("fixtureIssueFamilyInvitation").variable("input", Map.of("dinerId", diner, "relation", "子女")).execute();
    }

    /** A family member, not logged in, redeems the code for a new DINER account. */
    private GraphQlTester.Response redeem(String code, String username, String password) {
        return world.anonymous().documentName("familyRedeemInvitation")
                .variable("input", Map.of("code", code, "username", username, "password", password, "displayName", "王芳")).execute();
    }

    /** A fresh DINER account with the demo password, made the way the other tests make accounts. */
    static final class TestAccountsBridge {
        static String familyAccount(JdbcTemplate jdbc) {
            return org.zhucan.testsupport.TestAccounts.create(jdbc, "DINER", null, null, "邀请测试家属");
        }
    }
}
