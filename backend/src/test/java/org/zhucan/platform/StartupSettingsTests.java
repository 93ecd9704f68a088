package org.zhucan.platform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.zhucan.booking.BookingProperties;
import org.zhucan.common.graphql.GraphQlLimitsProperties;
import org.zhucan.common.graphql.PersistedQueryProperties;
import org.zhucan.common.health.HealthProperties;
import org.zhucan.common.pii.PiiProperties;
import org.zhucan.security.LoginProperties;
import org.zhucan.security.SecurityProperties;
import org.zhucan.serving.ServingProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code zhucan.*} settings class is checked when it is bound: a bad value stops start-up, and
 * what Spring Boot reports then names the setting. Only the settings classes are started here
 * (application.yml and RequiredSettings play no part).
 */
class StartupSettingsTests {

    // what application.yml and the test launcher give the settings that have no default of their own
    private static final String[] GOOD = {
        "zhucan.booking.window-days=7", "zhucan.booking.jobs-enabled=true", "zhucan.booking.recurring-every=10m",
        "zhucan.booking.no-show-every=5m", "zhucan.serving.staff-proxy-threshold-percent=30",
        "zhucan.security.jwt-secret=a-development-secret-of-32-bytes!", "zhucan.pii.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="};

    // the analyzers that turn a failed binding into the report printed at start-up
    private static final List<String> ANALYZERS = List.of("org.springframework.boot.diagnostics.analyzer.BindValidationFailureAnalyzer",
            "org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer");

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(AllSettings.class)
            .withPropertyValues(GOOD);

    @Test
    void shouldStartWithTheUsualSettings() {
        context.run(started -> assertThat(started).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zhucan.booking.window-days                          | 61
            zhucan.booking.recurring-every                      | 0s
            zhucan.serving.staff-proxy-threshold-percent        | 101
            zhucan.security.jwt-secret                          | ' '
            zhucan.security.token-ttl                           | -1h
            zhucan.security.token-version-cache-ttl             | 0s
            zhucan.security.login.failure-window                | 0s
            zhucan.security.login.base-delay                    | -1s
            zhucan.security.login.username.free-failures        | -1
            zhucan.pii.key                                      | ' '
            zhucan.graphql.max-depth                            | 0
            zhucan.graphql.time-budget                          | 0s
            zhucan.graphql.document-cache-size                  | -5
            zhucan.graphql.persisted-queries.max-entries        | 0
            zhucan.health.timeout                               | 0s
            """)
    void shouldRefuseABadSettingNamingIt(String property, String value) {
        context.withPropertyValues(property + "=" + value).run(started -> {
            assertThat(started).hasFailed();
            // the report spells a record's setting as its component (window-days as windowDays), which binds the same
            assertThat(relaxed(report(started.getStartupFailure()))).contains(relaxed("Property: " + property));
        });
    }

    @Test
    void shouldRefuseSettingsThatContradictEachOtherNamingThem() {
        context.withPropertyValues("zhucan.security.login.base-delay=10m", "zhucan.security.login.max-delay=5m").run(started ->
                assertThat(report(started.getStartupFailure())).contains("zhucan.security.login").contains("max-delay must not be shorter than base-delay"));
        context.withPropertyValues("zhucan.security.login.address.lockout-failures=20").run(started ->
                assertThat(report(started.getStartupFailure())).contains("zhucan.security.login.address")
                        .contains("lockout-failures must be more than free-failures"));
    }

    private static String report(Throwable failure) {
        return ANALYZERS.stream().map(StartupSettingsTests::analyzer).map(analyzer -> analyzer.analyze(failure)).filter(Objects::nonNull)
                .findFirst().map(analysis -> analysis.getDescription() + "\n" + analysis.getAction()).orElseThrow(() -> new AssertionError(
                        "no failure analysis for " + failure, failure));
    }

    private static String relaxed(String text) {
        return text.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static FailureAnalyzer analyzer(String name) {
        return (FailureAnalyzer) BeanUtils.instantiateClass(ClassUtils.resolveClassName(name, StartupSettingsTests.class.getClassLoader()));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BookingProperties.class, ServingProperties.class, SecurityProperties.class, LoginProperties.class,
        PiiProperties.class, GraphQlLimitsProperties.class, PersistedQueryProperties.class, HealthProperties.class})
    static class AllSettings {
    }
}
