package org.zhucan.menu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.DriverQuestions;
import org.zhucan.testsupport.Responses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Site.menu and Site.menus, the mini-program's home screen in one request: a page of sites with
 * their menus and dishes costs the same statements at 10, 50 and 100 sites, none at all for the
 * menus once Redis holds them, and answers as Query.menu does, quoted for a diner too (the quotes of
 * all the sites' menus in one batch).
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class SiteMenuApiTests extends ApiTest {

    /** A date no other test publishes menus on (they pick weeks from now to about 2065). */
    static final LocalDate DAY = LocalDate.of(2099, 6, 3);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedMenus publishedMenus;

    List<String> siteIds;

    @BeforeEach
    void menusOnEveryTwoSitesOfThree() {
        // the test data may hold fewer than 100 sites: closed ones (counted by no rate) make up the page
        int missing = 100 - jdbc.queryForObject("SELECT COUNT(*) FROM site", Integer.class);
        for (int i = 0; i < missing; i++) {
            jdbc.update("""
                    INSERT INTO site (name, kind, status, community_id, operator_id, address, opened_on, closed_on, created_at, updated_at)
                    SELECT CONCAT('首页测试站点', ?), 'MEAL_POINT', 'CLOSED', community_id, operator_id, address, '2020-01-01', '2020-12-31',
                           NOW(6), NOW(6)
                    FROM site ORDER BY id LIMIT 1""", i);
        }
        siteIds = as("admin").documentName("siteMenusSitesOnly").variable("first", 100).execute()
                .path("sites.edges[*].node.id").entityList(String.class).get();
        assertThat(siteIds).hasSize(100);
        jdbc.update("DELETE FROM menu_item WHERE menu_id IN (SELECT id FROM menu WHERE menu_date BETWEEN ? AND ?)", DAY, DAY.plusDays(13));
        jdbc.update("DELETE FROM set_meal WHERE menu_id IN (SELECT id FROM menu WHERE menu_date BETWEEN ? AND ?)", DAY, DAY.plusDays(13));
        jdbc.update("DELETE FROM menu WHERE menu_date BETWEEN ? AND ?", DAY, DAY.plusDays(13));
        List<Long> dishes = jdbc.queryForList("SELECT id FROM dish ORDER BY id LIMIT 2", Long.class);
        List<Object[]> menus = new ArrayList<>();
        for (int i = 0; i < siteIds.size(); i++) {
            if (i % 3 != 2) {
                menus.add(new Object[] {Long.valueOf(siteIds.get(i)), DAY, "LUNCH"});
            }
        }
        menus.add(new Object[] {Long.valueOf(siteIds.get(0)), DAY.plusDays(1), "DINNER"});
        jdbc.batchUpdate("""
                INSERT INTO menu (site_id, menu_date, slot, status, version, published_at, created_at, updated_at)
                VALUES (?, ?, ?, 'PUBLISHED', 1, NOW(6), NOW(6), NOW(6))""", menus);
        for (int position = 0; position < dishes.size(); position++) {
            jdbc.update("""
                    INSERT INTO menu_item (menu_id, position, dish_id, price_fen, daily_quota)
                    SELECT id, ?, ?, ?, NULL FROM menu WHERE menu_date BETWEEN ? AND ?""", position, dishes.get(position), 750 + position * 100,
                    DAY, DAY.plusDays(1));
        }
        publishedMenus.evictAll();
    }

    @Test
    void shouldAnswerAsTheRootMenuFieldAndNullWhereNothingIsPublished() {
        GraphQlTester.Response nested = home("admin", 10, null);
        for (int i = 0; i < 10; i++) {
            Object root = as("admin").documentName("menu").variable("siteId", siteIds.get(i)).variable("date", DAY.toString())
                    .variable("slot", "LUNCH").execute().returnResponse().field("menu").getValue();
            String rootId = root == null ? null : String.valueOf(((Map<?, ?>) root).get("id"));
            Object own = nested.returnResponse().field("sites.edges[" + i + "].node.menu").getValue();
            String ownId = own == null ? null : String.valueOf(((Map<?, ?>) own).get("id"));
            assertThat(ownId).as("site %s", i).isEqualTo(rootId);
            assertThat(ownId == null).as("site %s has no menu", i).isEqualTo(i % 3 == 2);
        }
        nested.path("sites.edges[0].node.menu.items[1].price").entity(String.class).isEqualTo("8.50")
                .path("sites.edges[0].node.menu.items[0].dish.tags").hasValue()
                .path("sites.edges[0].node.menu.items[0].dinerQuote").valueIsNull();
    }

    @Test
    void shouldSendAsManyStatementsAndQuestionsForAHundredSitesAsForTen() {
        assertStatementsDoNotGrow(() -> coldStatements(10), () -> coldStatements(50));
        assertStatementsDoNotGrow(() -> coldStatements(10), () -> coldStatements(100));
        assertStatementsDoNotGrow(() -> coldQuestions(10), () -> coldQuestions(100));
    }

    @Test
    void shouldSendNoStatementForMenusRedisHolds() {
        home("admin", 100, null);
        long sitesOnly = fewestStatements(() -> as("admin").documentName("siteMenusSitesOnly").variable("first", 100).execute(), 0);
        long withMenus = fewestStatements(() -> home("admin", 100, null), sitesOnly);
        assertThat(withMenus).isEqualTo(sitesOnly);
        long sitesOnlyQuestions = fewestQuestions(() -> as("admin").documentName("siteMenusSitesOnly").variable("first", 100).execute(), 0);
        long withMenusQuestions = fewestQuestions(() -> home("admin", 100, null), sitesOnlyQuestions);
        assertThat(withMenusQuestions).isEqualTo(sitesOnlyQuestions);
    }

    @Test
    void shouldSendOneStatementForAPageOfSitesAndCountThemOnlyWhenAsked() {
        as("admin").documentName("siteMenusSitesOnly").variable("first", 100).execute();
        // no transaction around a page of sites: no SET, no COMMIT; the total is a second statement, sent only when selected
        assertThat(fewestQuestions(() -> as("admin").documentName("siteMenusSitesOnly").variable("first", 100).execute(), 1)).isEqualTo(1);
        assertThat(fewestQuestions(() -> as("admin").documentName("siteMenusSitesCounted").variable("first", 100).execute()
                .path("sites.totalCount").entity(Integer.class).satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(100)), 2))
                .isEqualTo(2);
    }

    @Test
    void shouldQuoteForADinerUnderTheRootFieldsRules() {
        String xiHan = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        String diner = new DinerFixtures(as("admin"), jdbc).registerActiveSince2020("首页老人", xiHan, LocalDate.of(1940, 1, 1), List.of(), null);
        Object root = as("admin").documentName("menu").variable("siteId", siteIds.get(0)).variable("date", DAY.toString())
                .variable("slot", "LUNCH").variable("forDinerId", diner).execute().returnResponse().field("menu.items[0].dinerQuote").getValue();
        Object nested = home("admin", 10, diner).returnResponse().field("sites.edges[0].node.menu.items[0].dinerQuote").getValue();
        assertThat(nested).isNotNull().isEqualTo(root);
        String rootRefusal = Responses.errorType(as("family").documentName("menu").variable("siteId", siteIds.get(0))
                .variable("date", DAY.toString()).variable("slot", "LUNCH").variable("forDinerId", diner).execute());
        assertThat(rootRefusal).isNotNull();
        assertThat(Responses.errorType(home("family", 10, diner))).isEqualTo(rootRefusal);
    }

    @Test
    void shouldQuoteForADinerWithAsManyStatementsForAHundredSitesAsForTen() {
        String diner = dinerOfXiHan("首页批量老人");
        assertStatementsDoNotGrow(() -> coldStatements(10, diner), () -> coldStatements(100, diner));
        assertStatementsDoNotGrow(() -> warmStatements(10, diner), () -> warmStatements(100, diner));
        assertStatementsDoNotGrow(() -> coldQuestions(10, diner), () -> coldQuestions(100, diner));
        GraphQlTester.Response page = home("admin", 100, diner);
        for (int i = 0; i < 100; i++) {
            Object quote = page.returnResponse().field("sites.edges[" + i + "].node.menu.items[0].dinerQuote").getValue();
            assertThat(quote == null).as("site %s has no menu, so no quote", i).isEqualTo(i % 3 == 2);
        }
    }

    @Test
    void shouldQuoteEachSiteOfAPageAsTheRootFieldQuotesIt() {
        String diner = dinerOfXiHan("首页逐站老人");
        GraphQlTester.Response page = home("admin", 12, diner);
        for (int i = 0; i < 12; i += 3) {
            Object root = as("admin").documentName("menu").variable("siteId", siteIds.get(i)).variable("date", DAY.toString())
                    .variable("slot", "LUNCH").variable("forDinerId", diner).execute().returnResponse().field("menu.items").getValue();
            Object nested = page.returnResponse().field("sites.edges[" + i + "].node.menu.items").getValue();
            assertThat(((List<?>) nested)).as("site %s", i).hasSize(2);
            for (int item = 0; item < 2; item++) {
                Map<?, ?> rootItem = (Map<?, ?>) ((List<?>) root).get(item);
                Map<?, ?> nestedItem = (Map<?, ?>) ((List<?>) nested).get(item);
                assertThat(nestedItem.get("dinerQuote")).as("site %s item %s", i, item).isNotNull().isEqualTo(rootItem.get("dinerQuote"));
                assertThat(nestedItem.get("fitsDiet")).as("site %s item %s", i, item).isNotNull().isEqualTo(rootItem.get("fitsDiet"));
            }
        }
    }

    /** The root field checks the site before the cache: from the in-process reference cache, not MySQL. */
    @Test
    void shouldSendNoMoreStatementsForARootMenuRedisHoldsThanForTypename() {
        Runnable menu = () -> as("admin").documentName("menuOnly").variable("siteId", siteIds.get(0)).variable("date", DAY.toString())
                .variable("slot", "LUNCH").execute().path("menu.items[1].price").entity(String.class).isEqualTo("8.50");
        menu.run();
        long typename = fewestStatements(() -> as("admin").document("{ __typename }").execute(), 0);
        assertThat(fewestStatements(menu, typename)).isEqualTo(typename);
        long typenameQuestions = fewestQuestions(() -> as("admin").document("{ __typename }").execute(), 0);
        assertThat(fewestQuestions(menu, typenameQuestions)).isEqualTo(typenameQuestions);
    }

    @Test
    void shouldListARangeOfMenusAndRefuseMoreThanTwoWeeks() {
        as("admin").documentName("siteMenuRange").variable("first", 2).variable("from", DAY.toString()).variable("to", DAY.plusDays(1).toString())
                .execute()
                .path("sites.edges[0].node.menus[*].slot").entityList(String.class).containsExactly("LUNCH", "DINNER")
                .path("sites.edges[1].node.menus[*].slot").entityList(String.class).containsExactly("LUNCH");
        as("admin").documentName("siteMenuRange").variable("first", 2).variable("from", DAY.toString()).variable("to", DAY.plusDays(1).toString())
                .variable("slot", "DINNER").execute()
                .path("sites.edges[0].node.menus[*].date").entityList(String.class).containsExactly(DAY.plusDays(1).toString())
                .path("sites.edges[1].node.menus").entityList(Object.class).hasSize(0);
        assertThat(Responses.errorType(as("admin").documentName("siteMenuRange").variable("first", 2).variable("from", DAY.toString())
                .variable("to", DAY.plusDays(14).toString()).execute())).isEqualTo("BAD_REQUEST");
    }

    private GraphQlTester.Response home(String user, int sites, String forDinerId) {
        return as(user).documentName("siteMenus").variable("first", sites).variable("date", DAY.toString()).variable("slot", "LUNCH")
                .variable("forDinerId", forDinerId).execute();
    }

    private String dinerOfXiHan(String name) {
        String xiHan = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        return new DinerFixtures(as("admin"), jdbc).registerActiveSince2020(name, xiHan, LocalDate.of(1940, 1, 1), List.of(), null);
    }

    private long coldStatements(int sites) {
        return coldStatements(sites, null);
    }

    private long coldStatements(int sites, String forDinerId) {
        publishedMenus.evictAll();
        return warmStatements(sites, forDinerId);
    }

    private long warmStatements(int sites, String forDinerId) {
        GraphQlTester.Response[] response = new GraphQlTester.Response[1];
        long statements = statementsDuring(() -> response[0] = home("admin", sites, forDinerId));
        assertThat(response[0].path("sites.edges").entityList(Object.class).get()).hasSize(sites);
        return statements;
    }

    private long coldQuestions(int sites) {
        return coldQuestions(sites, null);
    }

    private long coldQuestions(int sites, String forDinerId) {
        publishedMenus.evictAll();
        return questionsDuring(() -> home("admin", sites, forDinerId));
    }

    private static long questionsDuring(Runnable request) {
        long before = DriverQuestions.SENT.get();
        request.run();
        return DriverQuestions.SENT.get() - before;
    }

    private static long fewestQuestions(Runnable request, long expectedAtMost) {
        long fewest = questionsDuring(request);
        for (int run = 1; run < 3 && fewest > expectedAtMost; run++) {
            fewest = Math.min(fewest, questionsDuring(request));
        }
        return Objects.requireNonNull(fewest);
    }
}
