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
