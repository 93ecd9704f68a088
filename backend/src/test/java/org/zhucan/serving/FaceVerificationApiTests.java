package org.zhucan.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.booking.BookingFixtures;
import org.zhucan.network.NetworkFixtures;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.FaceTerminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.booking.BookingFixtures.dishItem;
import static org.zhucan.booking.BookingFixtures.key;
import static org.zhucan.booking.BookingFixtures.today;
import static org.zhucan.serving.CounterRequests.at;

/**
 * FACE verification over HTTP: a meal counts as verified by face only with a token that an active
 * terminal of the site signed, for that diner, near the meal's servedAt, once. The site opened three
 * days ago; its terminal was registered at 10:00 and the clock stands at noon.
 */
class FaceVerificationApiTests extends ApiTest {

    private static final List<String> FACE_TOKEN_FIELD = List.of("input", "verification", "faceToken");

    @Autowired
    JdbcTemplate jdbc;

    BookingFixtures fixtures;
    BookingFixtures.Lunch lunch;
    String site;
    String fish;
    String rice;
    LocalDate day;
    Instant noon;
    FaceTerminals.Terminal terminal;

    @BeforeEach
    void fixtures() {
        // log in before the clock moves: login tokens are checked against real time
        List.of("admin", "operator").forEach(this::as);
        fixtures = new BookingFixtures(as("admin"), as("operator"), jdbc);
        day = today();
        NetworkFixtures network = new NetworkFixtures(as("admin"), jdbc);
        site = network.createSite("人脸核验食堂" + System.nanoTime(), "CANTEEN", fixtures.community(), fixtures.operatorId(), null, null);
        // planned a week ago (a site is created PLANNED from today), operating for three days: the offline test's meals are of its open days
        jdbc.update("UPDATE site_status_change SET effective_on = ? WHERE site_id = ?", day.minusDays(7), Long.valueOf(site));
        network.open(site, day.minusDays(3).toString(), day.minusDays(3).toString());
        lunch = fixtures.lunch(site, "红烧鱼", "12.00", day, null);
        fish = lunch.fish();
        rice = lunch.rice();
        clock.stopAt(at(day, 10, 0));
        terminal = FaceTerminals.register(as("admin"), site);
        noon = at(day, 12, 0);
        clock.stopAt(noon);
    }

    @Test
    void shouldLogAMealWithATokenTheSitesTerminalSignedAndKeepOnlyItsDigest() {
        String diner = fixtures.diner();
        String token = terminal.token(diner, noon.minusSeconds(30));
        log(walkIn(diner, face(token))).path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.verification").entity(String.class).isEqualTo("FACE")
                .path("logMeal.record.verificationNote").entity(String.class)
                .isEqualTo("zf1 sha256:" + sha256(token) + " terminal " + terminal.id() + " key 1")
                .path("logMeal.record.diner.id").entity(String.class).isEqualTo(diner);
        // the token may name the diner on its own, as a card does
        String other = fixtures.diner();
        log(walkIn(null, face(terminal.token(other, noon)))).path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.diner.id").entity(String.class).isEqualTo(other);
    }

    @Test
    void shouldRefuseATokenThatNoActiveTerminalOfTheSiteSigned() {
        String diner = fixtures.diner();
        expectRefused(walkIn(diner, face("any-token-the-device-made-up")));
        // a terminal that does not exist
        expectRefused(walkIn(diner, face(FaceTerminals.sign("999999999", 1, terminal.key(), diner, noon.getEpochSecond(), "nonce-unknown"))));
        // a terminal of another site
        FaceTerminals.Terminal elsewhere = FaceTerminals.register(as("admin"), fixtures.canteen(30, LocalTime.of(9, 30)));
        expectRefused(walkIn(diner, face(elsewhere.token(diner, noon))));
        // the right terminal, the wrong key; a key version it does not have; a signed field changed afterwards
        String forged = FaceTerminals.sign(terminal.id(), 1, HexFormat.of().formatHex(new byte[32]), diner, noon.getEpochSecond(), "nonce-forged");
        expectRefused(walkIn(diner, face(forged)));
        expectRefused(walkIn(diner, face(FaceTerminals.sign(terminal.id(), 2, terminal.key(), diner, noon.getEpochSecond(), "nonce-version"))));
        String genuine = terminal.token(fixtures.diner(), noon);
        String tampered = genuine.replaceFirst("^(zf1\\.\\d+\\.\\d+\\.)\\d+", "$1" + diner);
        assertThat(tampered).isNotEqualTo(genuine);
        expectRefused(walkIn(diner, face(tampered)));
        // a disabled terminal: nothing it signed counts, not even a token signed before it was disabled
        FaceTerminals.Terminal lost = FaceTerminals.register(as("admin"), site);
        String signedBefore = lost.token(diner, noon.minusSeconds(60));
        FaceTerminals.disable(as("admin"), lost.id(), "设备丢失");
        expectRefused(walkIn(diner, face(signedBefore)));
        assertThat(mealsOf(diner)).isZero();
        // the same diner with the site's own active terminal
        log(walkIn(diner, face(terminal.token(diner, noon)))).path("logMeal.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseATokenForAnotherDiner() {
        String recognised = fixtures.diner();
        String given = fixtures.diner();
        log(walkIn(given, face(terminal.token(recognised, noon)))).path("logMeal.record").valueIsNull()
                .path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("IDENTITY_MISMATCH");
        assertThat(mealsOf(given) + mealsOf(recognised)).isZero();
    }

    @Test
    void shouldRefuseATokenSignedMoreThanTenMinutesFromServedAt() {
        String diner = fixtures.diner();
        expectRefused(walkIn(diner, face(terminal.token(diner, noon.minus(Duration.ofMinutes(10)).minusSeconds(1)))));
        Map<String, Object> earlier = walkIn(diner, face(terminal.token(diner, noon)));
        earlier.put("servedAt", noon.minus(Duration.ofMinutes(11)).toString());
        expectRefused(earlier);
        assertThat(mealsOf(diner)).isZero();
        // within ten minutes either way counts: the terminal signs when it sees the diner, the counter logs a little later
        log(walkIn(diner, face(terminal.token(diner, noon.minus(Duration.ofMinutes(9)))))).path("logMeal.userErrors").entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void shouldCountATokenForOneMealOnly() {
        String diner = fixtures.diner();
        String token = terminal.token(diner, noon);
        String idempotencyKey = key();
        Map<String, Object> first = walkIn(diner, face(token));
        first.put("idempotencyKey", idempotencyKey);
        String id = log(first).path("logMeal.record.id").entity(String.class).get();
        // the device repeating its own request gets the first record back
        log(first).path("logMeal.record.id").entity(String.class).isEqualTo(id);
        // the captured token for a second meal, online and offline
        log(walkIn(diner, face(token))).path("logMeal.record").valueIsNull()
                .path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN");
        upload(List.of(offline("face-replay-" + UUID.randomUUID(), noon, diner, token)))
                .path("uploadMealRecords.results[0].outcome").entity(String.class).isEqualTo("REJECTED")
                .path("uploadMealRecords.results[0].userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN");
        assertThat(mealsOf(diner)).isEqualTo(1);
        // a correction reverses the meal and its replacement keeps the same evidence
        as("operator").documentName("correctMealRecord").variable("input", Map.of("idempotencyKey", key(), "recordId", id, "reason", "菜品录错",
                        "items", List.of(dishItem(fish, 1)))).execute()
                .path("correctMealRecord.userErrors").entityList(Object.class).hasSize(0)
                .path("correctMealRecord.replacement.kind").entity(String.class).isEqualTo("MEAL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND kind = 'MEAL' AND face_token_claim = ?",
                Integer.class, Long.valueOf(diner), sha256(token))).isEqualTo(1);
    }

    @Test
    void shouldAcceptTheOldKeyOnlyForTokensSignedBeforeTheRotation() {
        FaceTerminals.Terminal rotated = FaceTerminals.rotate(as("admin"), terminal);
        assertThat(rotated.keyVersion()).isEqualTo(2);
        String before = fixtures.diner();
        Map<String, Object> signedBefore = walkIn(before, face(terminal.token(before, noon.minusSeconds(120))));
        signedBefore.put("servedAt", noon.minusSeconds(120).toString());
        log(signedBefore).path("logMeal.userErrors").entityList(Object.class).hasSize(0);

        String after = fixtures.diner();
        Instant oneMinuteOn = noon.plusSeconds(60);
        Map<String, Object> oldKey = walkIn(after, face(terminal.token(after, oneMinuteOn)));
        oldKey.put("servedAt", oneMinuteOn.toString());
        expectRefused(oldKey);
        Map<String, Object> newKey = walkIn(after, face(rotated.token(after, oneMinuteOn)));
        newKey.put("servedAt", oneMinuteOn.toString());
        log(newKey).path("logMeal.userErrors").entityList(Object.class).hasSize(0)
                .path("logMeal.record.verificationNote").entity(String.class).satisfies(note -> assertThat(note).endsWith(" key 2"));
    }

    @Test
    void shouldUploadRecordsSignedDaysAgoBeforeARotationAndRefuseTheRest() {
        // two days ago: that day's lunch menu, and a terminal that signs records the counter keeps offline
        LocalDate past = day.minusDays(2);
        clock.stopAt(at(past, 8, 0));
        fixtures.publishLunch(site, past, List.of(fish, rice), Arrays.asList(null, null));
        FaceTerminals.Terminal offline = FaceTerminals.register(as("admin"), site);
        // today at noon ADMIN rotates its key, and then the counter uploads
        clock.stopAt(noon);
        FaceTerminals.Terminal rotated = FaceTerminals.rotate(as("admin"), offline);
        Instant pastNoon = at(past, 12, 0);
        Instant oneMinuteOn = noon.plusSeconds(60);
        String a = fixtures.diner();
        String b = fixtures.diner();
        String d = fixtures.diner();
        String f = fixtures.diner();
        String tokenA = offline.token(a, pastNoon.minusSeconds(60));
        String prefix = "face-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(offline(prefix + "a", pastNoon, a, tokenA));                                             // signed before the rotation
        records.add(offline(prefix + "b", oneMinuteOn, b, offline.token(b, oneMinuteOn)));                   // old key after it
        records.add(offline(prefix + "c", oneMinuteOn, b, rotated.token(b, oneMinuteOn)));                   // the new key
        records.add(offline(prefix + "d", pastNoon.plusSeconds(1800), d, offline.token(d, pastNoon.plusSeconds(900)))); // 15 min off
        records.add(offline(prefix + "e", pastNoon, a, tokenA));                                             // a's token again
        records.add(offline(prefix + "f", pastNoon, f, rotated.token(f, pastNoon)));                         // new key, before it existed

        GraphQlTester.Response response = upload(records);
        response.path("uploadMealRecords.results[*].outcome").entityList(String.class)
                .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED")
                .path("uploadMealRecords.results[0].record.diner.id").entity(String.class).isEqualTo(a)
                .path("uploadMealRecords.results[1].userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN")
                .path("uploadMealRecords.results[1].userErrors[0].field").entityList(String.class)
                .containsExactly("input", "records", "1", "verification", "faceToken")
                .path("uploadMealRecords.results[3].userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN")
                .path("uploadMealRecords.results[4].userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN")
                .path("uploadMealRecords.results[5].userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN");
        assertThat(mealsOf(a)).isEqualTo(1);
        assertThat(mealsOf(b)).isEqualTo(1);
        assertThat(mealsOf(d) + mealsOf(f)).isZero();
    }

    // ------------------------------------------------------------ helpers

    private Map<String, Object> walkIn(String diner, Map<String, Object> verification) {
        return CounterRequests.walkIn(lunch, key(), diner, verification);
    }

    private Map<String, Object> offline(String clientId, Instant servedAt, String diner, String token) {
        return new HashMap<>(Map.of("clientRecordId", clientId, "slot", "LUNCH", "servedAt", servedAt.toString(), "dinerId", diner,
                "verification", face(token), "items", List.of(dishItem(fish, 1), dishItem(rice, 1))));
    }

    private static Map<String, Object> face(String token) {
        return Map.of("method", "FACE", "faceToken", token);
    }

    private GraphQlTester.Response log(Map<String, Object> input) {
        return as("operator").documentName("logMeal").variable("input", input).execute();
    }

    private GraphQlTester.Response upload(List<Map<String, Object>> records) {
        return CounterRequests.upload(as("operator"), site, records);
    }

    private void expectRefused(Map<String, Object> input) {
        log(input).path("logMeal.record").valueIsNull()
                .path("logMeal.userErrors[0].code").entity(String.class).isEqualTo("INVALID_FACE_TOKEN")
                .path("logMeal.userErrors[0].field").entityList(String.class).containsExactly(FACE_TOKEN_FIELD.toArray(String[]::new));
    }

    private int mealsOf(String diner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM meal_record WHERE diner_id = ? AND kind = 'MEAL' AND reversed_by_id IS NULL",
                Integer.class, Long.valueOf(diner));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
