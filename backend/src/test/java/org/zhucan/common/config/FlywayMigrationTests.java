package org.zhucan.common.config;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration applies to an empty database, and applying them again changes nothing. */
class FlywayMigrationTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void shouldMigrateAFreshDatabaseThenDoNothingTheSecondTime() throws Exception {
        int migrationFiles = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql").length;
        String scratch = "zhucan_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE DATABASE " + scratch + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            String url = environment.getRequiredProperty("zhucan.db.url").replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + scratch);
            Flyway flyway = Flyway.configure()
                    .dataSource(url, environment.getRequiredProperty("zhucan.db.user"), environment.getProperty("zhucan.db.password", ""))
                    .locations("classpath:db/migration")
                    .load();

            MigrateResult first = flyway.migrate();
            assertThat(first.success).isTrue();
            assertThat(first.migrationsExecuted).isEqualTo(migrationFiles).isPositive();
            assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name IN ('region', 'operator', 'app_user', 'app_user_role', 'audit_log')",
                    Integer.class, scratch)).isEqualTo(5);

            MigrateResult second = flyway.migrate();
            assertThat(second.success).isTrue();
            assertThat(second.migrationsExecuted).isZero();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        } finally {
            jdbc.execute("DROP DATABASE " + scratch);
        }
    }
}
