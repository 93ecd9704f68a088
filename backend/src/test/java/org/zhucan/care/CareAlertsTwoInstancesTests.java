package org.zhucan.care;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.security.SystemActor;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DinerFixtures;
import org.zhucan.testsupport.TestAccounts;
import org.zhucan.testsupport.TestClients;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The careAlertRaised subscription across two application instances: an alert raised on the second instance reaches,
 * within a minute, the street staff of the diner's town and the diner's family subscribed on the first, and a street
 * account of another town sees nothing of it; the alert is then acknowledged, followed up and closed with an outcome.
 */
class CareAlertsTwoInstancesTests extends ApiTest {

    private static final String SUBSCRIPTION = "subscription { careAlertRaised { id kind detail diner { id } } }";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldDeliverAnAlertRaisedOnAnotherInstanceToStreetStaffAndFamilyWithinAMinute() throws Exception {
        logInDemoAccounts();
        String community = jdbc.queryForObject("SELECT CAST(MIN(c.id) AS CHAR) FROM region c JOIN region t ON t.id = c.parent_id"
                + " WHERE t.name = '寇店镇'", String.class);
        String diner = new DinerFixtures(as("admin"), jdbc).registerActiveSince2020("独居老人", community, LocalDate.of(1938, 2, 3), List.of(), null);
        String family = TestAccounts.create(jdbc, "DINER", null, null, "关爱家属");
        Canteens.linkFamily(as("admin"), family, diner);

        BlockingQueue<Object> street = new LinkedBlockingQueue<>();
        BlockingQueue<Object> relatives = new LinkedBlockingQueue<>();
        BlockingQueue<Object> otherTown = new LinkedBlockingQueue<>();
        List<Disposable> subscriptions = List.of(subscribe(login("street", DEMO_PASSWORD), street),
                subscribe(login(family, DEMO_PASSWORD), relatives), subscribe(login("yanshi_street", DEMO_PASSWORD), otherTown));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run("--server.port=0", "--zhucan.demo.enabled=false")) {
            CareAlertService secondAlerts = second.getBean(CareAlertService.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> second.getBean(CareAlertFeed.CareAlertListener.class).isListening());
            long alert = SystemActor.runAs("courier", () -> secondAlerts.raise(Long.parseLong(diner), CareAlertKind.WELLNESS_CONCERN,
                    "老人说头晕，未进食", null, "courier")).alert().id();

            for (BlockingQueue<Object> screen : List.of(street, relatives)) {
                Object event = screen.poll(60, TimeUnit.SECONDS);
                assertThat(event).as("an alert within a minute").isInstanceOf(GraphQlTester.Response.class);
                GraphQlTester.Response response = (GraphQlTester.Response) event;
                response.path("careAlertRaised.id").entity(String.class).isEqualTo(String.valueOf(alert))
                        .path("careAlertRaised.kind").entity(String.class).isEqualTo("WELLNESS_CONCERN")
                        .path("careAlertRaised.diner.id").entity(String.class).isEqualTo(diner);
            }
            // raised again while open: the same alert, with the new detail as a follow-up, and no second push
            assertThat(SystemActor.runAs("courier", () -> secondAlerts.raise(Long.parseLong(diner), CareAlertKind.WELLNESS_CONCERN,
                    "次日仍头晕", null, "courier")).isNew()).isFalse();
        } finally {
            subscriptions.forEach(Disposable::dispose);
        }
        assertThat(otherTown).as("another town's staff").isEmpty();
        assertThat(street).as("no second push for a deduplicated alert").isEmpty();

        String alertId = as("street").document("query($d: ID) { careAlerts(filter: { dinerId: $d }) { edges { node { id status } } } }")
                .variable("d", diner).execute().path("careAlerts.edges[0].node.id").entity(String.class).get();
        as("street").document("mutation($i: AcknowledgeCareAlertInput!) { acknowledgeCareAlert(input: $i) { alert { status acknowledgedBy } userErrors { code } } }")
                .variable("i", Map.of("alertId", alertId)).execute()
                .path("acknowledgeCareAlert.alert.status").entity(String.class).isEqualTo("ACKNOWLEDGED");
        as("street").document("mutation($i: FollowUpCareAlertInput!) { followUpCareAlert(input: $i) { alert { followUps { note } } userErrors { code } } }")
                .variable("i", Map.of("alertId", alertId, "note", "已联系社区医生上门")).execute()
                .path("followUpCareAlert.alert.followUps[*].note").entityList(String.class).containsExactly("Raised again: 次日仍头晕", "已联系社区医生上门");
        as("street").document("mutation($i: CloseCareAlertInput!) { closeCareAlert(input: $i) { alert { status outcome } userErrors { code } } }")
                .variable("i", Map.of("alertId", alertId, "outcome", "医生诊断为低血糖，已恢复")).execute()
                .path("closeCareAlert.alert.status").entity(String.class).isEqualTo("CLOSED");
        as("street").document("mutation($i: CloseCareAlertInput!) { closeCareAlert(input: $i) { alert { status } userErrors { code } } }")
                .variable("i", Map.of("alertId", alertId, "outcome", "再次关闭")).execute()
                .path("closeCareAlert.userErrors[0].code").entity(String.class).isEqualTo("ILLEGAL_STATUS_TRANSITION");
        // the family reads it; another town's staff cannot handle it
        as(family).document("query { careAlerts { edges { node { id outcome } } } }").execute()
                .path("careAlerts.edges[0].node.outcome").entity(String.class).isEqualTo("医生诊断为低血糖，已恢复");
    }

    private Disposable subscribe(String token, BlockingQueue<Object> received) {
        WebSocketGraphQlTester tester = TestClients.webSocket(port, new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(Map.of("Authorization", "Bearer " + token));
            }
        });
        return tester.document(SUBSCRIPTION).executeSubscription().toFlux().subscribe(received::add, received::add);
    }
}
