package org.zhucan.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.common.pii.IdNumber;

/** Registers synthetic diners through the API for tests, with ID numbers no earlier run has used. */
public final class DinerFixtures {

    private final HttpGraphQlTester admin;
    private final JdbcTemplate jdbc;

    public DinerFixtures(HttpGraphQlTester admin, JdbcTemplate jdbc) {
        this.admin = admin;
        this.jdbc = jdbc;
    }

    /** A random birth date in the years from firstYear on, years of them: diners of differing ages and ID numbers. */
    public static LocalDate randomBirthDate(int firstYear, int years) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return LocalDate.of(firstYear + random.nextInt(years), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    /** A valid synthetic ID number (address code 410371) whose masked form no diner has yet. */
    public String freshIdNumber(LocalDate birthDate, boolean male) {
        while (true) {
            int sequence = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
            String first17 = "410371" + birthDate.toString().replace("-", "") + String.format("%03d", sequence);
            String idNumber = first17 + IdNumber.checkCharacter(first17);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM diner WHERE id_number_masked = ?", Integer.class,
                    IdNumber.parse(idNumber).masked()) == 0) {
                return idNumber;
            }
        }
    }

    /**
     * Registers a diner and dates the registration back to 2020-01-01 (status and residence history),
     * so the diner was ACTIVE, and lived where registered, on any meal date a test picks. Returns the diner's id.
     */
    public String registerActiveSince2020(String name, String communityId, LocalDate birthDate, List<String> categories,
                                          String dietaryNotes) {
        return registerActiveSince2020(name, communityId, freshIdNumber(birthDate, true), categories, dietaryNotes);
    }

    /** The same, with the ID number given (e.g. for an ID card read at the counter). */
    public String registerActiveSince2020(String name, String communityId, String idNumber, List<String> categories, String dietaryNotes) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "idNumber", idNumber,
                "homeCommunityId", communityId, "address", "测试地址"));
        input.put("categories", categories.stream()
                .map(category -> Map.of("category", category, "evidenceRef", "证明", "validFrom", "2020-01-01")).toList());
        if (dietaryNotes != null) {
            input.put("dietaryNotes", dietaryNotes);
        }
        var response = admin.documentName("fixtureRegisterDiner")
                .variable("input", input).execute();
        response.path("registerDiner.userErrors").entityList(Object.class).hasSize(0);
        String id = response.path("registerDiner.diner.id").entity(String.class).get();
        jdbc.update("UPDATE diner_status_change SET effective_on = '2020-01-01' WHERE diner_id = ?", Long.valueOf(id));
        jdbc.update("UPDATE diner SET status_since = '2020-01-01' WHERE id = ?", Long.valueOf(id));
        jdbc.update("UPDATE diner_residence SET valid_from = '2020-01-01' WHERE diner_id = ?", Long.valueOf(id));
        return id;
    }

    /**
     * Diners for a race, made fast: copies of a diner registered through the API, each with its
     * own look-up hash (what makes a diner unique) and its own ACTIVE status history.
     */
    public List<String> copiesOf(String template, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("""
                        INSERT INTO diner (name, id_number_enc, id_number_hash, id_number_masked, birth_date, sex, phone_enc, phone_masked,
                                           home_community_id, address, dietary_notes, status, status_since, version, created_at, updated_at)
                        SELECT name, id_number_enc, SHA2(UUID(), 256), id_number_masked, birth_date, sex, phone_enc, phone_masked,
                               home_community_id, address, dietary_notes, status, status_since, 0, created_at, updated_at
                        FROM diner WHERE id = ?""", java.sql.Statement.RETURN_GENERATED_KEYS);
                statement.setLong(1, Long.parseLong(template));
                return statement;
            }, key);
            String id = String.valueOf(key.getKey().longValue());
            jdbc.update("""
                    INSERT INTO diner_status_change (diner_id, from_status, to_status, effective_on, reason, changed_by, changed_at)
                    VALUES (?, NULL, 'ACTIVE', '2020-01-01', 'test copy', 'test', UTC_TIMESTAMP(6))""", Long.valueOf(id));
            ids.add(id);
        }
        return ids;
    }
}
