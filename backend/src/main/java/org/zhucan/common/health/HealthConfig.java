package org.zhucan.common.health;

import java.sql.Connection;
import javax.sql.DataSource;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code db} and {@code redis} health components, in place of Spring Boot's (same names).
 * Spring Boot's database check asks the driver {@code isValid(0)}, which waits for ever on a stalled
 * server; both of these answer within {@code zhucan.health.timeout}.
 * <p>
 * They also say different things. Without MySQL the instance can serve nothing, so {@code db}
 * reports DOWN, and readiness with it. Without Redis it still serves: cached reads fall back to
 * MySQL and live screens see this instance's records. So {@code redis} reports DEGRADED, a status
 * outside the aggregate's order (DOWN, OUT_OF_SERVICE, UP, UNKNOWN): it shows, but it never takes the
 * instance out of a load balancer.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

    /** Redis is unreachable or stalled, and the instance serves without it. */
    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, HealthProperties properties) {
        int seconds = (int) Math.max(1, properties.timeout().toSeconds());
        return new BoundedHealthIndicator("db", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(seconds);
            }
        }, properties.timeout(), Status.DOWN);
    }

    @Bean
    HealthIndicator redisHealthIndicator(RedisConnectionFactory connections, HealthProperties properties) {
        return new BoundedHealthIndicator("redis", () -> {
            try (RedisConnection connection = connections.getConnection()) {
                return "PONG".equalsIgnoreCase(connection.ping());
            }
        }, properties.timeout(), DEGRADED);
    }
}
