package org.zhucan.common.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with settings that would hide a mistake: no database or Redis, a JWT secret
 * shorter than 32 bytes, a PII key that is not 32 bytes of base64, or demo data in production.
 * Runs before any bean is made, and names every problem at once.
 *
 * <p>Outside {@code prod} the local launcher in the tests supplies local services and
 * development keys before this check runs; in {@code prod} nothing does.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    public static final String PROD_PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Zhucan cannot start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        requirePresent(environment, "zhucan.db.url", "ZHUCAN_DB_URL", "the MySQL JDBC URL", problems);
        requirePresent(environment, "zhucan.db.user", "ZHUCAN_DB_USER", "the database user", problems);
        redisProblems(environment, problems);
        String jwtSecret = environment.getProperty("zhucan.security.jwt-secret", "");
        if (jwtSecret.isBlank()) {
            problems.add("ZHUCAN_JWT_SECRET is not set (the token signing key, at least 32 bytes)");
        } else if (jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            problems.add("ZHUCAN_JWT_SECRET is shorter than 32 bytes");
        }
        String piiKey = environment.getProperty("zhucan.pii.key", "");
        if (piiKey.isBlank()) {
            problems.add("ZHUCAN_PII_KEY is not set (base64 of a 32-byte key for personal data)");
        } else if (!isBase64Of32Bytes(piiKey)) {
            problems.add("ZHUCAN_PII_KEY is not base64 of exactly 32 bytes");
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains(PROD_PROFILE)) {
            if (!environment.containsProperty("ZHUCAN_DB_PASSWORD")) {
                problems.add("ZHUCAN_DB_PASSWORD is not set (set it, even to an empty value, in prod)");
            }
            if (environment.getProperty("zhucan.demo.enabled", Boolean.class, false)) {
                problems.add("ZHUCAN_DEMO_DATA is true, but the prod profile never loads demo data");
            }
        }
        return problems;
    }

    /** Exactly one Redis topology, complete (README "Running as a cluster"). */
    private static void redisProblems(ConfigurableEnvironment environment, List<String> problems) {
        boolean url = RedisTopology.present(environment, "zhucan.redis.url");
        boolean master = RedisTopology.present(environment, "zhucan.redis.sentinel.master");
        boolean sentinels = RedisTopology.present(environment, "zhucan.redis.sentinel.nodes");
        boolean cluster = RedisTopology.present(environment, "zhucan.redis.cluster.nodes");
        int chosen = (url ? 1 : 0) + (master || sentinels ? 1 : 0) + (cluster ? 1 : 0);
        if (chosen == 0) {
            problems.add("ZHUCAN_REDIS_URL is not set (the Redis URL, e.g. redis://127.0.0.1:6379/0; or ZHUCAN_REDIS_SENTINEL_MASTER"
                    + " with ZHUCAN_REDIS_SENTINEL_NODES, or ZHUCAN_REDIS_CLUSTER_NODES)");
        } else if (chosen > 1) {
            problems.add("more than one Redis is set: choose one of ZHUCAN_REDIS_URL, ZHUCAN_REDIS_SENTINEL_*, ZHUCAN_REDIS_CLUSTER_NODES");
        } else if (master != sentinels) {
            problems.add(master ? "ZHUCAN_REDIS_SENTINEL_MASTER is set without ZHUCAN_REDIS_SENTINEL_NODES (host:port,... of the Sentinels)"
                    : "ZHUCAN_REDIS_SENTINEL_NODES is set without ZHUCAN_REDIS_SENTINEL_MASTER (the name the Sentinels monitor)");
        }
        if (RedisTopology.present(environment, "zhucan.redis.database") && !environment.getProperty("zhucan.redis.database").trim().matches("\\d{1,2}")) {
            problems.add("ZHUCAN_REDIS_DATABASE is not a database number (0-15)");
        }
    }

    private static void requirePresent(ConfigurableEnvironment environment, String property, String variable, String what,
                                       List<String> problems) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            problems.add(variable + " is not set (" + what + ")");
        }
    }

    private static boolean isBase64Of32Bytes(String text) {
        try {
            return Base64.getDecoder().decode(text.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** After every other source of properties, so that all of them count. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
