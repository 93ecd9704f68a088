package org.zhucan.serving;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the serving benchmark's runs left in the database, printed after its figures: per run (its
 * sites, by name) and date, the records, how many were subsidised and for how much, booked, second
 * meals and flags; and the shared site's bookings by status. A run that recorded less than it
 * counted shows here.
 */
final class ServingRowCheck {

    private ServingRowCheck() {
    }

    static void print(JdbcTemplate jdbc, String tag, Map<Long, String> names, long sharedSite, LocalDate today) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT r.site_id, r.service_date, COUNT(*) AS records, SUM(r.subsidy_fen > 0) AS subsidised, SUM(r.second_meal) AS second_meals,
                       SUM(r.subsidy_fen) AS subsidy_fen, SUM(r.booking_id IS NOT NULL) AS booked,
                       (SELECT COUNT(*) FROM meal_record_flag f JOIN meal_record fr ON fr.id = f.meal_record_id
                        WHERE fr.site_id = r.site_id AND fr.service_date = r.service_date) AS flags
                FROM meal_record r JOIN site s ON s.id = r.site_id
                WHERE s.name LIKE ?
                GROUP BY r.site_id, r.service_date ORDER BY r.service_date DESC, r.site_id""", tag + "-%");
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String key = names.get(((Number) row.get("site_id")).longValue()) + ", " + row.get("service_date");
            long[] sum = totals.computeIfAbsent(key, k -> new long[6]);
            String[] columns = {"records", "subsidised", "second_meals", "subsidy_fen", "booked", "flags"};
            for (int i = 0; i < columns.length; i++) {
                sum[i] += ((Number) row.get(columns[i])).longValue();
            }
        }
        System.out.println("check, meal_record rows of the benchmark sites:");
        totals.forEach((key, sum) -> System.out.printf("  %-45s %6d records, %6d subsidised (%,.2f yuan), %d booked, %d second meals, %d flags%n",
                key, sum[0], sum[1], sum[3] / 100.0, sum[4], sum[2], sum[5]));
        List<Map<String, Object>> statuses = jdbc.queryForList("SELECT status, COUNT(*) AS n FROM booking WHERE site_id = ? AND service_date = ?"
                + " GROUP BY status ORDER BY status", sharedSite, today);
        System.out.printf("  bookings at the shared site today by status: %s%n",
                statuses.stream().map(s -> s.get("status") + " " + s.get("n")).collect(Collectors.joining(", ")));
    }
}
