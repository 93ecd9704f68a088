package org.zhucan.common.config;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.zhucan.ZhucanApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingsTests {

    private static final String GOOD_PII_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void shouldRefuseToStartInProdWithoutSettingsNamingEveryMissingOne() {
        SpringApplication application = new SpringApplicationBuilder(ZhucanApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("prod")
                .build();
        // command-line arguments win over the environment, so this holds on a CI machine that sets them
        assertThatThrownBy(() -> application.run("--zhucan.db.url=", "--zhucan.db.user=", "--zhucan.redis.url=",
                "--zhucan.security.jwt-secret=", "--zhucan.pii.key="))
                .hasMessageContaining("ZHUCAN_DB_URL is not set")
                .hasMessageContaining("ZHUCAN_DB_USER is not set")
                .hasMessageContaining("ZHUCAN_REDIS_URL is not set")
                .hasMessageContaining("ZHUCAN_JWT_SECRET is not set")
                .hasMessageContaining("ZHUCAN_PII_KEY is not set");
    }

    @Test
    void shouldAcceptACompleteConfiguration() {
        assertThat(RequiredSettings.problems(environment(complete()))).isEmpty();
        Map<String, Object> prod = complete();
        prod.put("ZHUCAN_DB_PASSWORD", "secret");
        assertThat(RequiredSettings.problems(environment(prod, "prod"))).isEmpty();
    }

    @Test
    void shouldRefuseWeakOrMalformedKeys() {
        Map<String, Object> settings = complete();
        settings.put("zhucan.security.jwt-secret", "too-short");
        settings.put("zhucan.pii.key", Base64.getEncoder().encodeToString(new byte[16]));
        assertThat(RequiredSettings.problems(environment(settings)))
                .containsExactly("ZHUCAN_JWT_SECRET is shorter than 32 bytes", "ZHUCAN_PII_KEY is not base64 of exactly 32 bytes");
        settings.put("zhucan.pii.key", "not base64!");
        assertThat(RequiredSettings.problems(environment(settings))).contains("ZHUCAN_PII_KEY is not base64 of exactly 32 bytes");
    }

    @Test
    void shouldNeverLoadDemoDataInProd() {
        Map<String, Object> settings = complete();
        settings.put("ZHUCAN_DB_PASSWORD", "");
        settings.put("zhucan.demo.enabled", "true");
        assertThat(RequiredSettings.problems(environment(settings, "prod")))
                .containsExactly("ZHUCAN_DEMO_DATA is true, but the prod profile never loads demo data");
        assertThat(RequiredSettings.problems(environment(settings))).isEmpty();
    }

    @Test
    void shouldInsistOnAnExplicitDatabasePasswordInProd() {
        assertThat(RequiredSettings.problems(environment(complete(), "prod")))
                .containsExactly("ZHUCAN_DB_PASSWORD is not set (set it, even to an empty value, in prod)");
    }

    @Test
    void shouldTakeExactlyOneCompleteRedisTopology() {
        Map<String, Object> sentinel = complete();
        sentinel.remove("zhucan.redis.url");
        sentinel.put("zhucan.redis.sentinel.master", "zhucan");
        sentinel.put("zhucan.redis.sentinel.nodes", "127.0.0.1:26390,127.0.0.1:26391");
        assertThat(RequiredSettings.problems(environment(sentinel))).isEmpty();

        sentinel.put("zhucan.redis.url", "redis://cache.internal:6379/0");
        assertThat(RequiredSettings.problems(environment(sentinel)))
                .containsExactly("more than one Redis is set: choose one of ZHUCAN_REDIS_URL, ZHUCAN_REDIS_SENTINEL_*, ZHUCAN_REDIS_CLUSTER_NODES");

        sentinel.remove("zhucan.redis.url");
        sentinel.put("zhucan.redis.sentinel.nodes", " ");
        sentinel.put("zhucan.redis.database", "three");
        assertThat(RequiredSettings.problems(environment(sentinel))).containsExactly(
                "ZHUCAN_REDIS_SENTINEL_MASTER is set without ZHUCAN_REDIS_SENTINEL_NODES (host:port,... of the Sentinels)",
                "ZHUCAN_REDIS_DATABASE is not a database number (0-15)");

        Map<String, Object> cluster = complete();
        cluster.remove("zhucan.redis.url");
        cluster.put("zhucan.redis.cluster.nodes", "10.0.0.1:7000");
        assertThat(RequiredSettings.problems(environment(cluster))).isEmpty();
    }

    @Test
    void shouldMapTheChosenRedisTopologyOntoSpringBootsSettings() {
        Map<String, Object> sentinel = complete();
        sentinel.remove("zhucan.redis.url");
        sentinel.put("zhucan.redis.sentinel.master", "zhucan");
        sentinel.put("zhucan.redis.sentinel.nodes", "127.0.0.1:26390,127.0.0.1:26391");
        sentinel.put("zhucan.redis.database", "3");
        sentinel.put("zhucan.redis.url", "");
        StandardEnvironment environment = environment(sentinel);
        new RedisTopology().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.data.redis.sentinel.master")).isEqualTo("zhucan");
        assertThat(environment.getProperty("spring.data.redis.sentinel.nodes")).isEqualTo("127.0.0.1:26390,127.0.0.1:26391");
        assertThat(environment.getProperty("spring.data.redis.database")).isEqualTo("3");
        // an empty URL would not parse, and Boot reads it in Sentinel mode too
        assertThat(environment.containsProperty("spring.data.redis.url")).isFalse();

        StandardEnvironment standalone = environment(complete());
        new RedisTopology().postProcessEnvironment(standalone, null);
        assertThat(standalone.getProperty("spring.data.redis.url")).isEqualTo("redis://cache.internal:6379/0");
        assertThat(standalone.containsProperty("spring.data.redis.sentinel.master")).isFalse();

        Map<String, Object> clusterSettings = complete();
        clusterSettings.remove("zhucan.redis.url");
        clusterSettings.put("zhucan.redis.cluster.nodes", "10.0.0.1:7000,10.0.0.2:7000");
        StandardEnvironment cluster = environment(clusterSettings);
        new RedisTopology().postProcessEnvironment(cluster, null);
        assertThat(cluster.getProperty("spring.data.redis.cluster.nodes")).isEqualTo("10.0.0.1:7000,10.0.0.2:7000");
    }

    private static Map<String, Object> complete() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("zhucan.db.url", "jdbc:mysql://db.internal:3306/zhucan");
        settings.put("zhucan.db.user", "zhucan");
        settings.put("zhucan.redis.url", "redis://cache.internal:6379/0");
        settings.put("zhucan.security.jwt-secret", "x".repeat(32));
        settings.put("zhucan.pii.key", GOOD_PII_KEY);
        return settings;
    }

    private static StandardEnvironment environment(Map<String, Object> settings, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
