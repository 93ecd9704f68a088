package org.zhucan.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line settings for starting a second application in a test (e.g. in the prod profile),
 * pointed at the same MySQL and Redis as the rest of the tests.
 */
public final class TestSettings {

    private TestSettings() {
    }

    public static List<String> explicitServiceArguments() {
        List<String> arguments = new ArrayList<>();
        String url = System.getenv("ZHUCAN_DB_URL");
        if (url == null || url.isBlank()) {
            LocalServices.Database database = LocalServices.database();
            arguments.add("--zhucan.db.url=" + database.url());
            arguments.add("--zhucan.db.user=" + database.user());
            arguments.add("--zhucan.db.password=" + database.password());
        } else {
            arguments.add("--zhucan.db.url=" + url);
            arguments.add("--zhucan.db.user=" + System.getenv("ZHUCAN_DB_USER"));
            arguments.add("--zhucan.db.password=" + nullToEmpty(System.getenv("ZHUCAN_DB_PASSWORD")));
        }
        arguments.add("--ZHUCAN_DB_PASSWORD=" + nullToEmpty(System.getenv("ZHUCAN_DB_PASSWORD")));
        String redis = System.getenv("ZHUCAN_REDIS_URL");
        arguments.add("--zhucan.redis.url=" + (redis == null || redis.isBlank() ? LocalServices.redisUrl() : redis));
        arguments.add("--zhucan.security.jwt-secret=" + LocalInfrastructure.DEVELOPMENT_JWT_SECRET);
        arguments.add("--zhucan.pii.key=" + LocalInfrastructure.DEVELOPMENT_PII_KEY);
        arguments.add("--server.port=0");
        return arguments;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
