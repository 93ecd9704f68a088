package org.zhucan.network;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.sql.SqlStatementCounter;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sites held in each instance's memory: a change made through one instance is what the other
 * reads next, once the invalidation reaches it over Redis (awaited, with a bound far below the
 * cache's TTL, so that only the message can make it pass).
 */
class ReferenceCacheTwoInstancesTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldSeeAChangeMadeOnAnotherInstanceAtTheNextRead() {
        logInDemoAccounts();
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        String community = jdbc.queryForObject("SELECT id FROM region WHERE name = '西韩社区'", String.class);
        String operator = jdbc.queryForObject("SELECT MIN(id) FROM operator", String.class);
        long site = Long.parseLong(network.createSite("两实例缓存点" + System.nanoTime(), "MEAL_POINT", community, operator, null, null));

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            SiteService secondSites = second.getBean(SiteService.class);
            SqlStatementCounter secondStatements = second.getBean(SqlStatementCounter.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> second.getBean(ReferenceCache.class).inUse());

            assertThat(secondSites.find(site).status()).isEqualTo(SiteStatus.PLANNED);
            assertThat(secondSites.slotOf(secondSites.find(site), MealSlot.LUNCH).seats()).isEqualTo(30);
            long before = secondStatements.count();
            assertThat(secondSites.find(site).status()).isEqualTo(SiteStatus.PLANNED);
            assertThat(secondSites.slotOf(secondSites.find(site), MealSlot.LUNCH).seats()).isEqualTo(30);
            assertThat(secondStatements.count()).as("read from memory").isEqualTo(before);

            as("admin").documentName("updateSite").variable("input", Map.of("siteId", String.valueOf(site), "name", "两实例缓存点（改）",
                            "slots", List.of(Map.of("slot", "LUNCH", "servesFrom", "11:00", "servesTo", "13:00", "seats", 45)))).execute()
                    .path("updateSite.userErrors").entityList(Object.class).hasSize(0);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Site read = secondSites.find(site);
                assertThat(read.name()).isEqualTo("两实例缓存点（改）");
                assertThat(secondSites.slotOf(read, MealSlot.LUNCH).seats()).isEqualTo(45);
            });

            java.time.LocalDate today = java.time.LocalDate.now(org.zhucan.common.time.BusinessTime.ZONE);
            assertThat(secondSites.timelinesOf(List.of(site)).get(site).statusOn(today)).isEqualTo(SiteStatus.PLANNED);
            long beforeTimeline = secondStatements.count();
            assertThat(secondSites.timelinesOf(List.of(site)).get(site).statusOn(today)).isEqualTo(SiteStatus.PLANNED);
            assertThat(secondStatements.count()).as("the status history read from memory").isEqualTo(beforeTimeline);
            network.changeStatus(String.valueOf(site), "BUILDING", today.toString(), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> secondSites.find(site).status() == SiteStatus.BUILDING);
            await().atMost(Duration.ofSeconds(60)).until(() -> secondSites.timelinesOf(List.of(site)).get(site).statusOn(today) == SiteStatus.BUILDING);
        }
    }
}
