package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

/** Data the benchmark programs make straight in SQL, fast: thousands of rows would take minutes through the API. */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /**
     * A copy of a site under a new name, OPERATING since 2020-01-01, with its status history and no
     * slots or fulfilments yet (each benchmark adds its own). Returns the new site's id.
     */
    public static long copyOperatingSite(JdbcTemplate jdbc, long template, String name, String actor) {
        jdbc.update("""
                INSERT INTO site (name, kind, status, community_id, operator_id, address, latitude, longitude, licence_number,
                                  opened_on, version, created_at, updated_at)
                SELECT ?, kind, 'OPERATING', community_id, operator_id, address, latitude, longitude, licence_number,
                       '2020-01-01', 0, NOW(6), NOW(6)
                FROM site WHERE id = ?""", name, template);
        long site = jdbc.queryForObject("SELECT id FROM site WHERE name = ?", Long.class, name);
        jdbc.update("INSERT INTO site_status_change (site_id, from_status, to_status, effective_on, changed_by, changed_at)"
                + " VALUES (?, NULL, 'OPERATING', '2020-01-01', ?, NOW(6))", site, actor);
        return site;
    }

    /**
     * Copies of a diner (a row of id_number_enc, id_number_masked, birth_date, sex, home_community_id
     * and address), ACTIVE since 2020-01-01, each with a random look-up hash (what makes a diner
     * unique) and named {@code tag}. Paths that never decrypt the ID number can use them. Returns
     * their ids in order.
     */
    public static long[] copyDiners(JdbcTemplate jdbc, Map<String, Object> template, int count, String tag, String actor) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[32];
            ThreadLocalRandom.current().nextBytes(hash);
            rows.add(new Object[] {tag, template.get("id_number_enc"), HexFormat.of().formatHex(hash), template.get("id_number_masked"),
                    template.get("birth_date"), template.get("sex"), template.get("home_community_id"), template.get("address")});
        }
        jdbc.batchUpdate("INSERT INTO diner (name, id_number_enc, id_number_hash, id_number_masked, birth_date, sex, home_community_id, address,"
                + " status, status_since, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', '2020-01-01', NOW(6), NOW(6))", rows);
        jdbc.update("INSERT INTO diner_status_change (diner_id, from_status, to_status, effective_on, changed_by, changed_at)"
                + " SELECT id, NULL, 'ACTIVE', '2020-01-01', ?, NOW(6) FROM diner WHERE name = ?", actor, tag);
        return jdbc.queryForList("SELECT id FROM diner WHERE name = ? ORDER BY id", Long.class, tag).stream().mapToLong(Long::longValue).toArray();
    }
}
