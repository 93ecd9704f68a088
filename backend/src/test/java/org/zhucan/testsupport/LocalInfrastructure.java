package org.zhucan.testsupport;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fills in what a test run or a local run did not configure, in DESIGN.md's order: explicit
 * settings ({@code ZHUCAN_DB_URL}, {@code ZHUCAN_REDIS_URL}, ...) are used as given; otherwise
 * {@link LocalServices} starts MySQL and Redis, and development-only keys are supplied. Lives on
 * the test classpath only, so the production jar never starts a database; never in {@code prod}.
 * The log says where MySQL and Redis came from (never a password).
 */
public class LocalInfrastructure implements EnvironmentPostProcessor, Ordered {

    /** Development-only signing key: anyone can read it here, so it must never sign a real token. */
    static final String DEVELOPMENT_JWT_SECRET = "zhucan-local-development-only-jwt-secret";
    static final String DEVELOPMENT_PII_KEY = Base64.getEncoder().encodeToString(
            "zhucan-local-dev-only-pii-key-32".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** Replayed once logging is set up: this runs before it is. */
    private final Log log;

    public LocalInfrastructure(DeferredLogFactory logs) {
        this.log = logs.getLog(LocalInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        Map<String, Object> supplied = new LinkedHashMap<>();
        if (isBlank(environment, "ZHUCAN_DB_URL")) {
            LocalServices.Database database = LocalServices.database();
            supplied.put("zhucan.db.url", database.url());
            supplied.put("zhucan.db.user", database.user());
            supplied.put("zhucan.db.password", database.password());
            log.info("MySQL: " + database.description());
        } else {
            log.info("MySQL: explicit configuration, ZHUCAN_DB_URL " + redacted(environment.getProperty("ZHUCAN_DB_URL"))
                    + " (user " + environment.getProperty("ZHUCAN_DB_USER", "") + ")");
        }
        if (!isBlank(environment, "zhucan.redis.sentinel.nodes") || !isBlank(environment, "zhucan.redis.cluster.nodes")) {
            log.info("Redis: explicit configuration, Sentinel or Cluster nodes");
        } else if (isBlank(environment, "ZHUCAN_REDIS_URL")) {
            LocalServices.Redis redis = LocalServices.redis();
            supplied.put("zhucan.redis.url", redis.url());
            log.info("Redis: " + redis.description());
        } else {
            log.info("Redis: explicit configuration, ZHUCAN_REDIS_URL " + redacted(environment.getProperty("ZHUCAN_REDIS_URL")));
        }
        if (isBlank(environment, "ZHUCAN_JWT_SECRET")) {
            supplied.put("zhucan.security.jwt-secret", DEVELOPMENT_JWT_SECRET);
        }
        if (isBlank(environment, "ZHUCAN_PII_KEY")) {
            supplied.put("zhucan.pii.key", DEVELOPMENT_PII_KEY);
        }
        if (!supplied.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("zhucanLocalInfrastructure", supplied));
        }
    }

    /** A service URL fit for the log: a password in its user part or in a parameter becomes ***. */
    static String redacted(String url) {
        return url.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)(password|pwd)=[^&;,)]*", "$1=***");
    }

    private static boolean isBlank(ConfigurableEnvironment environment, String variable) {
        String value = environment.getProperty(variable);
        return value == null || value.isBlank();
    }

    /** After application.yml and profiles are read, before {@code RequiredSettings} checks the result. */
    @Override
    public int getOrder() {
        return 0;
    }
}
