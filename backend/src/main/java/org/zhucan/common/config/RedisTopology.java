package org.zhucan.common.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps Zhucan's Redis settings onto Spring Boot's {@code spring.data.redis.*}, so that a deployment
 * chooses one Redis, a Sentinel-watched primary or a Redis Cluster by settings alone (README
 * "Running as a cluster"): {@code ZHUCAN_REDIS_URL}, or {@code ZHUCAN_REDIS_SENTINEL_MASTER} with
 * {@code ZHUCAN_REDIS_SENTINEL_NODES}, or {@code ZHUCAN_REDIS_CLUSTER_NODES}. Boot reads its URL even
 * in Sentinel mode (for the database and password), so the URL is passed on only when it is the
 * chosen topology: an empty one would not parse. {@link RequiredSettings} refuses a mix, after this.
 *
 * <p>Added as the last property source: a {@code spring.data.redis.*} given explicitly still wins.
 */
public class RedisTopology implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "zhucanRedisTopology";

    /** The topology the settings choose; blank settings count as absent. */
    enum Mode {
        STANDALONE, SENTINEL, CLUSTER, NONE
    }

    static Mode mode(ConfigurableEnvironment environment) {
        if (present(environment, "zhucan.redis.sentinel.nodes") || present(environment, "zhucan.redis.sentinel.master")) {
            return Mode.SENTINEL;
        }
        if (present(environment, "zhucan.redis.cluster.nodes")) {
            return Mode.CLUSTER;
        }
        return present(environment, "zhucan.redis.url") ? Mode.STANDALONE : Mode.NONE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> spring = new LinkedHashMap<>();
        switch (mode(environment)) {
            case STANDALONE -> spring.put("spring.data.redis.url", environment.getProperty("zhucan.redis.url").trim());
            case SENTINEL -> {
                spring.put("spring.data.redis.sentinel.master", environment.getProperty("zhucan.redis.sentinel.master", "").trim());
                spring.put("spring.data.redis.sentinel.nodes", environment.getProperty("zhucan.redis.sentinel.nodes", "").trim());
                copyIfPresent(environment, "zhucan.redis.sentinel.password", "spring.data.redis.sentinel.password", spring);
                copyIfPresent(environment, "zhucan.redis.database", "spring.data.redis.database", spring);
                copyIfPresent(environment, "zhucan.redis.password", "spring.data.redis.password", spring);
            }
            case CLUSTER -> {
                spring.put("spring.data.redis.cluster.nodes", environment.getProperty("zhucan.redis.cluster.nodes").trim());
                copyIfPresent(environment, "zhucan.redis.password", "spring.data.redis.password", spring);
            }
            case NONE -> {
                // RequiredSettings names the missing setting
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, spring));
    }

    private static void copyIfPresent(ConfigurableEnvironment environment, String from, String to, Map<String, Object> into) {
        if (present(environment, from)) {
            into.put(to, environment.getProperty(from).trim());
        }
    }

    static boolean present(ConfigurableEnvironment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }

    /** After the tests' local launcher supplies a Redis (order 0), before RequiredSettings checks. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
