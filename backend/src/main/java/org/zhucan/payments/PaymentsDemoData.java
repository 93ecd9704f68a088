package org.zhucan.payments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhucan.common.demo.DemoDataContributor;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.security.AccountService;

/**
 * Demo balances and a closed cash day at 孝文街道长者食堂: the {@code family} account's first diner topped up
 * 200.00 by WeChat yesterday, another diner 100.00 in cash at the counter, taken by {@code operator}, who
 * counted it and handed it over; yesterday is closed. Written as rows because they are dated yesterday,
 * which the services (stamping today) cannot do; skipped once the canteen has a closed day.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("zhucan.demo.enabled")
@Order(6)
class PaymentsDemoData implements DemoDataContributor {

    private final AccountService accountService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PaymentsDemoData(AccountService accountService, JdbcTemplate jdbc, Clock clock) {
        this.accountService = accountService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void contribute() {
        List<Long> canteen = jdbc.queryForList("SELECT id FROM site WHERE name = '孝文街道长者食堂'", Long.class);
        List<Long> familyDiners = accountService.dinerIdsActedForBy("family").stream().sorted().toList();
        if (canteen.isEmpty() || familyDiners.isEmpty()
                || jdbc.queryForObject("SELECT COUNT(*) FROM cash_day WHERE site_id = ? AND status = 'CLOSED'", Long.class, canteen.get(0)) > 0) {
            return;
        }
        long site = canteen.get(0);
        long family = familyDiners.get(0);
        List<Long> others = jdbc.queryForList("SELECT id FROM diner WHERE id <> ? ORDER BY id LIMIT 1", Long.class, family);
        if (others.isEmpty()) {
            return;
        }
        long walkIn = others.get(0);
        LocalDate yesterday = BusinessTime.today(clock).minusDays(1);
        Timestamp at = Timestamp.from(yesterday.atTime(10, 30).atZone(BusinessTime.ZONE).toInstant());
        Timestamp closedAt = Timestamp.from(yesterday.atTime(20, 0).atZone(BusinessTime.ZONE).toInstant());
        topUp(family, site, 20_000, "WECHAT", "4200000001202611220001", "family", yesterday, at);
        topUp(walkIn, site, 10_000, "CASH", null, "operator", yesterday, at);
        jdbc.update("INSERT INTO cash_day (site_id, business_date, status, closed_by, closed_at) VALUES (?, ?, 'CLOSED', 'operator', ?)", site,
                Date.valueOf(yesterday), closedAt);
        long day = jdbc.queryForObject("SELECT id FROM cash_day WHERE site_id = ? AND business_date = ?", Long.class, site, Date.valueOf(yesterday));
        jdbc.update("""
                INSERT INTO cash_count (cash_day_id, staff, counted_fen, handed_over_fen, handed_over_to, expected_fen, counted_by, counted_at)
                VALUES (?, 'operator', 10000, 10000, '街道财务 张会计', 10000, 'operator', ?)""", day, closedAt);
        jdbc.update("UPDATE prepaid_entry SET cash_day_id = ? WHERE site_id = ? AND cash_day_id IS NULL AND cash_date <= ?", day, site,
                Date.valueOf(yesterday));
        jdbc.update("UPDATE payment SET cash_day_id = ? WHERE site_id = ? AND cash_day_id IS NULL AND cash_date <= ?", day, site,
                Date.valueOf(yesterday));
    }

    private void topUp(long diner, long site, long amountFen, String method, String reference, String by, LocalDate date, Timestamp at) {
        jdbc.update("""
                INSERT INTO prepaid_entry (diner_id, kind, amount_fen, method, external_reference, site_id, cash_date, created_by, created_at)
                VALUES (?, 'TOP_UP', ?, ?, ?, ?, ?, ?, ?)""", diner, amountFen, method, reference, site, Date.valueOf(date), by, at);
        jdbc.update("""
                INSERT INTO prepaid_balance (diner_id, balance_fen, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE balance_fen = balance_fen + VALUES(balance_fen), updated_at = VALUES(updated_at)""", diner, amountFen, at);
    }
}
