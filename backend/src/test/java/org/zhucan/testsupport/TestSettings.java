package org.zhucan.testsupport;

import java.util.List;

/**
 * Command-line settings for starting a second application in a test (e.g. in the prod profile),
 * pointed at the same MySQL and Redis as the rest of the tests, or at services of the test's own.
 */
public final class TestSettings {

    private TestSettings() {
    }

    public static List<String> explicitServiceArguments() {
        return serviceArguments(testDatabase(), testRedisUrl());
    }

    /**
     * Every setting an application needs, given explicitly, with development keys and a free port.
     * Each service setting goes twice: as the property, which must win over a {@code ZHUCAN_*}
     * variable of the test run (the environment maps it onto the property before application.yml
     * does), and as the variable, so that {@link LocalInfrastructure} sees it as configured.
     */
    public static List<String> serviceArguments(LocalServices.Database database, String redisUrl) {
        return List.of(
                "--zhucan.db.url=" + database.url(),
                "--zhucan.db.user=" + database.user(),
                "--zhucan.db.password=" + database.password(),
                "--zhucan.redis.url=" + redisUrl,
                "--ZHUCAN_DB_URL=" + database.url(),
                "--ZHUCAN_DB_USER=" + database.user(),
                "--ZHUCAN_DB_PASSWORD=" + database.password(),
                "--ZHUCAN_REDIS_URL=" + redisUrl,
                "--zhucan.security.jwt-secret=" + LocalInfrastructure.DEVELOPMENT_JWT_SECRET,
                "--zhucan.pii.key=" + LocalInfrastructure.DEVELOPMENT_PII_KEY,
                "--server.port=0");
    }

    /** The database the rest of the tests use: the configured one, or the one {@link LocalServices} started. */
    public static LocalServices.Database testDatabase() {
        String url = System.getenv("ZHUCAN_DB_URL");
        if (url == null || url.isBlank()) {
            return LocalServices.database();
        }
        return new LocalServices.Database(url, System.getenv("ZHUCAN_DB_USER"), nullToEmpty(System.getenv("ZHUCAN_DB_PASSWORD")),
                "explicit configuration");
    }

    public static String testRedisUrl() {
        String redis = System.getenv("ZHUCAN_REDIS_URL");
        return redis == null || redis.isBlank() ? LocalServices.redisUrl() : redis;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
