package org.zhucan.diner;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.Race;
import org.zhucan.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residence with history (户籍 and 常住): registering with a residence apart from the household,
 * moves that keep the past, updateDiner's household change going through the same history, and
 * who may record a move. Diners live in 孝文街道 (西韩社区, 刘井社区) unless a test says otherwise.
 */
class DinerResidenceApiTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    String xiHan;
    String liuJing;
    String xiaoWenStreet;
    String kouDianTown;
    String kouDianVillage;

    @BeforeEach
    void places() {
        xiHan = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        liuJing = jdbc.queryForObject("SELECT id FROM region WHERE name = '刘井社区'", String.class);
        xiaoWenStreet = jdbc.queryForObject("SELECT id FROM region WHERE name = '孝文街道'", String.class);
        kouDianTown = jdbc.queryForObject("SELECT id FROM region WHERE name = '寇店镇'", String.class);
        kouDianVillage = jdbc.queryForObject("SELECT MIN(id) FROM region WHERE parent_id = ? AND level = 'VILLAGE'", String.class,
                Long.valueOf(kouDianTown));
    }

    @Test
    void shouldRegisterWithAResidenceApartFromTheHousehold() {
        Map<String, Object> input = registration("户籍常住分离");
        input.put("residenceCommunityId", liuJing);
        input.put("residenceAddress", "刘井社区7号楼2单元");
        GraphQlTester.Response response = as("admin").documentName("registerDinerWithResidence").variable("input", input).execute();
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        response.path("registerDiner.userErrors").entityList(Object.class).hasSize(0)
                .path("registerDiner.diner.homeCommunity.name").entity(String.class).isEqualTo("西韩社区")
                .path("registerDiner.diner.household.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("registerDiner.diner.household.address").entity(String.class).isEqualTo("西韩社区3号楼")
                .path("registerDiner.diner.household.validFrom").entity(String.class).isEqualTo(today)
                .path("registerDiner.diner.residence.community.name").entity(String.class).isEqualTo("刘井社区")
                .path("registerDiner.diner.residence.address").entity(String.class).isEqualTo("刘井社区7号楼2单元")
                .path("registerDiner.diner.residence.validTo").valueIsNull();

        // without a residence, the diner lives where the household is registered
        as("admin").documentName("registerDinerWithResidence").variable("input", registration("户籍即常住")).execute()
                .path("registerDiner.diner.residence.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("registerDiner.diner.residence.address").entity(String.class).isEqualTo("西韩社区3号楼");

        Map<String, Object> noAddress = registration("常住缺地址");
        noAddress.put("residenceCommunityId", liuJing);
        as("admin").documentName("registerDinerWithResidence").variable("input", noAddress).execute()
                .path("registerDiner.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("registerDiner.userErrors[0].field").entityList(String.class).containsExactly("input", "residenceAddress");
        Map<String, Object> town = registration("常住为镇");
        town.put("residenceCommunityId", kouDianTown);
        town.put("residenceAddress", "寇店镇");
        as("admin").documentName("registerDinerWithResidence").variable("input", town).execute()
                .path("registerDiner.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REGION_LEVEL");
    }

    @Test
    void shouldKeepThePastWhenADinerMoves() {
        String diner = since2020("搬家老人");
        move("admin", diner, "RESIDENCE", liuJing, "刘井社区1号", "2025-06-01", "随子女迁居")
                .path("recordDinerMove.userErrors").entityList(Object.class).hasSize(0)
                .path("recordDinerMove.diner.residence.community.id").entity(String.class).isEqualTo(liuJing);

        GraphQlTester.Response before = read(diner, "2025-05-31");
        before.path("diner.residenceOn.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("diner.residenceOn.address").entity(String.class).isEqualTo("测试地址")
                .path("diner.residence.community.name").entity(String.class).isEqualTo("刘井社区")
                .path("diner.residence.validFrom").entity(String.class).isEqualTo("2025-06-01")
                .path("diner.residence.reason").entity(String.class).isEqualTo("随子女迁居")
                // the household stays where it was: only the residence moved
                .path("diner.homeCommunity.name").entity(String.class).isEqualTo("西韩社区")
                .path("diner.household.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("diner.residenceHistory[*].kind").entityList(String.class).containsExactly("HOUSEHOLD", "RESIDENCE", "RESIDENCE")
                .path("diner.residenceHistory[1].validFrom").entity(String.class).isEqualTo("2020-01-01")
                .path("diner.residenceHistory[1].validTo").entity(String.class).isEqualTo("2025-05-31")
                .path("diner.residenceHistory[2].validTo").valueIsNull();
        read(diner, "2019-12-31").path("diner.residenceOn").valueIsNull().path("diner.householdOn").valueIsNull();

        // the household moves too: the diner row follows (scope and subsidy read it), the past keeps the old one
        move("admin", diner, "HOUSEHOLD", liuJing, "刘井社区1号", "2025-07-01", "户口迁移")
                .path("recordDinerMove.diner.homeCommunity.id").entity(String.class).isEqualTo(liuJing);
        read(diner, "2025-06-30")
                .path("diner.homeCommunity.name").entity(String.class).isEqualTo("刘井社区")
                .path("diner.address").entity(String.class).isEqualTo("刘井社区1号")
                .path("diner.householdOn.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("diner.household.validFrom").entity(String.class).isEqualTo("2025-07-01");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DINER_MOVED' AND entity_id = ?", Integer.class, diner))
                .isEqualTo(2);

        // moving again to where the diner is records nothing
        move("admin", diner, "HOUSEHOLD", liuJing, "刘井社区1号", LocalDate.now(BusinessTime.ZONE).toString(), null)
                .path("recordDinerMove.userErrors").entityList(Object.class).hasSize(0);
        read(diner, null).path("diner.residenceHistory").entityList(Object.class).hasSize(4);
    }

    @Test
    void shouldSendUpdateDinersHouseholdChangeThroughTheHistory() {
        String diner = since2020("改户籍老人");
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        as("admin").documentName("updateDinerHousehold").variable("input", Map.of("dinerId", diner, "homeCommunityId", liuJing, "address", "刘井社区9号"))
                .execute().path("updateDiner.userErrors").entityList(Object.class).hasSize(0);
        read(diner, LocalDate.now(BusinessTime.ZONE).minusDays(1).toString())
                .path("diner.homeCommunity.name").entity(String.class).isEqualTo("刘井社区")
                .path("diner.householdOn.community.name").entity(String.class).isEqualTo("西韩社区")
                .path("diner.household.validFrom").entity(String.class).isEqualTo(today)
                .path("diner.household.address").entity(String.class).isEqualTo("刘井社区9号")
                // the residence is kept apart: it did not move
                .path("diner.residence.community.name").entity(String.class).isEqualTo("西韩社区");
        // a second change on the same day corrects today's entry instead of adding a day-less one
        as("admin").documentName("updateDinerHousehold").variable("input", Map.of("dinerId", diner, "address", "刘井社区10号"))
                .execute().path("updateDiner.userErrors").entityList(Object.class).hasSize(0);
        read(diner, null)
                .path("diner.residenceHistory[*].kind").entityList(String.class).containsExactly("HOUSEHOLD", "HOUSEHOLD", "RESIDENCE")
                .path("diner.household.address").entity(String.class).isEqualTo("刘井社区10号");
    }

    @Test
    void shouldRefuseMovesOutOfOrderOrOutOfReach() {
        String diner = since2020("校验老人");
        move("admin", diner, "RESIDENCE", liuJing, "刘井社区1号", "2025-06-01", null)
                .path("recordDinerMove.userErrors").entityList(Object.class).hasSize(0);
        String tomorrow = LocalDate.now(BusinessTime.ZONE).plusDays(1).toString();
        assertRefused(move("admin", diner, "RESIDENCE", xiHan, "西韩社区2号", tomorrow, null), "INVALID_DATE_RANGE", "effectiveOn");
        assertRefused(move("admin", diner, "RESIDENCE", xiHan, "西韩社区2号", "2025-05-31", null), "INVALID_DATE_RANGE", "effectiveOn");
        assertRefused(move("admin", diner, "RESIDENCE", kouDianTown, "寇店镇", "2025-07-01", null), "INVALID_REGION_LEVEL", "communityId");
        assertRefused(move("admin", diner, "RESIDENCE", xiHan, "  ", "2025-07-01", null), "INVALID_INPUT", "address");
        read(diner, null).path("diner.residenceHistory").entityList(Object.class).hasSize(3);

        String street = TestAccounts.create(jdbc, "STREET_STAFF", null, xiaoWenStreet, "孝文街道工作人员");
        String otherStreet = TestAccounts.create(jdbc, "STREET_STAFF", null, kouDianTown, "寇店镇工作人员");
        // street staff move a diner of their street within it; not out of it, and a diner of another street is not theirs to find
        move(street, diner, "RESIDENCE", xiHan, "西韩社区5号", "2025-08-01", null)
                .path("recordDinerMove.userErrors").entityList(Object.class).hasSize(0);
        assertError(move(street, diner, "RESIDENCE", kouDianVillage, "寇店村1号", "2025-09-01", null), "FORBIDDEN");
        assertError(move(otherStreet, diner, "RESIDENCE", kouDianVillage, "寇店村1号", "2025-09-01", null), "NOT_FOUND");
        assertError(move("finance", diner, "RESIDENCE", xiHan, "西韩社区6号", "2025-09-01", null), "FORBIDDEN");
        assertError(move("admin", "999999999", "RESIDENCE", xiHan, "西韩社区6号", "2025-09-01", null), "NOT_FOUND");
    }

    @Test
    void shouldKeepOneUnbrokenChainWhenMovesRace() throws Exception {
        String diner = since2020("并发搬家老人");
        as("admin");
        List<String> outcomes = Race.run(8, i -> {
            Map<String, Object> input = Map.of("dinerId", diner, "kind", "RESIDENCE", "communityId", i % 2 == 0 ? liuJing : xiHan,
                    "address", "并发" + i + "号", "effectiveOn", LocalDate.of(2025, 1, 1 + i).toString());
            List<Map> errors = as("admin").documentName("recordDinerMove").variable("input", input).execute()
                    .path("recordDinerMove.userErrors").entityList(Map.class).get();
            return errors.isEmpty() ? "MOVED" : (String) errors.get(0).get("code");
        });
        // each move either lands or is refused with a reason; none breaks the chain
        assertThat(outcomes).contains("MOVED").allSatisfy(outcome -> assertThat(outcome).isIn("MOVED", "CONCURRENT_CHANGE", "INVALID_DATE_RANGE"));
        List<Map<String, Object>> chain = jdbc.queryForList(
                "SELECT valid_from, valid_to FROM diner_residence WHERE diner_id = ? AND kind = 'RESIDENCE' ORDER BY valid_from", Long.valueOf(diner));
        assertThat(chain).hasSize(1 + (int) outcomes.stream().filter("MOVED"::equals).count());
        for (int i = 1; i < chain.size(); i++) {
            LocalDate endOfPrevious = ((java.sql.Date) chain.get(i - 1).get("valid_to")).toLocalDate();
            assertThat(endOfPrevious.plusDays(1)).isEqualTo(((java.sql.Date) chain.get(i).get("valid_from")).toLocalDate());
        }
        assertThat(chain.get(chain.size() - 1).get("valid_to")).isNull();
    }

    private String since2020(String name) {
        return new DinerFixtures(as("admin"), jdbc).registerActiveSince2020(name, xiHan, LocalDate.of(1944, 4, 4), List.of(), null);
    }

    private Map<String, Object> registration(String name) {
        String idNumber = new DinerFixtures(as("admin"), jdbc).freshIdNumber(LocalDate.of(1946, 6, 6), false);
        return new HashMap<>(Map.of("name", name, "idNumber", idNumber, "homeCommunityId", xiHan, "address", "西韩社区3号楼"));
    }

    private GraphQlTester.Response move(String caller, String diner, String kind, String community, String address, String effectiveOn,
                                       String reason) {
        Map<String, Object> input = new HashMap<>(Map.of("dinerId", diner, "kind", kind, "communityId", community, "address", address,
                "effectiveOn", effectiveOn));
        if (reason != null) {
            input.put("reason", reason);
        }
        return as(caller).documentName("recordDinerMove").variable("input", input).execute();
    }

    private GraphQlTester.Response read(String diner, String on) {
        return as("admin").documentName("dinerResidence").variable("id", diner).variable("on", on).execute();
    }

    private static void assertRefused(GraphQlTester.Response response, String code, String field) {
        response.path("recordDinerMove.diner").valueIsNull()
                .path("recordDinerMove.userErrors[0].code").entity(String.class).isEqualTo(code)
                .path("recordDinerMove.userErrors[0].field").entityList(String.class).containsExactly("input", field);
    }

    private static void assertError(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).first()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo(classification)));
    }
}
