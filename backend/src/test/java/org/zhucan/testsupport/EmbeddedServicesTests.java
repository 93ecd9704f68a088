package org.zhucan.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MariaDB and Redis of local runs and of tests without configured services are private:
 * they listen on 127.0.0.1 only, and they let no one in without the password made for the run. The
 * tests start both themselves, whatever the run is configured with (in CI, ZHUCAN_DB_URL points the
 * rest of the suite elsewhere). That the application works on them, passwords and all, is shown by
 * {@code org.zhucan.platform.HealthProbesTests}, which runs an instance on a pair of them.
 */
class EmbeddedServicesTests {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServicesTests.class);
    /** Access denied: MariaDB answers one or the other, depending on the account's (or, for no account, a made-up) plugin. */
    private static final Integer[] ACCESS_DENIED = {1045, 1698};
    private static final int DATABASE_ACCESS_DENIED = 1044;
    private static final int TABLE_ACCESS_DENIED = 1142;

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;

    @BeforeAll
    static void start() {
        mariaDb = EmbeddedMariaDb.start();
        redis = EmbeddedRedis.started();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyAndLetNoOneInWithoutThePassword() throws Exception {
        LocalServices.Database database = mariaDb.database();
        assertThat(database.user()).isEqualTo("zhucan");
        assertThat(database.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(database.description()).doesNotContain(database.password());
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            assertThat(single(connection, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("zhucan@127.0.0.1");
        }
        assertRefused(() -> DriverManager.getConnection(database.url(), database.user(), ""), ACCESS_DENIED);
        assertRefused(() -> DriverManager.getConnection(database.url(), database.user(), database.password() + "x"), ACCESS_DENIED);
        assertRefused(() -> DriverManager.getConnection(database.url(), "root", ""), ACCESS_DENIED);
        assertRefused(() -> DriverManager.getConnection(database.url(), "someone", "anything"), ACCESS_DENIED);
        assertUnreachableFromOtherAddresses(mariaDb.port());
    }

    @Test
    void shouldLetTheApplicationCreateScratchDatabasesBesideItsOwnAndTouchNothingElse() throws Exception {
        LocalServices.Database database = mariaDb.database();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
            statement.execute("DROP TABLE probe");
            // what FlywayMigrationTests does: a fresh database beside the main one
            statement.execute("CREATE DATABASE zhucan_scratch_privacy CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("CREATE TABLE zhucan_scratch_privacy.probe (id INT PRIMARY KEY)");
            statement.execute("DROP DATABASE zhucan_scratch_privacy");

            assertRefused(() -> statement.execute("CREATE DATABASE elsewhere"), DATABASE_ACCESS_DENIED);
            assertRefused(() -> statement.executeQuery("SELECT COUNT(*) FROM mysql.user"), TABLE_ACCESS_DENIED);
        }
    }

    @Test
    void redisShouldListenOnLoopbackOnlyAndRequireItsPassword() throws Exception {
        assertThat(redis.url()).startsWith("redis://:" + redis.password() + "@127.0.0.1:");
        assertThat(redis.description()).doesNotContain(redis.password());

        RedisClient client = RedisClient.create();
        try {
            RedisURI withPassword = RedisURI.create(redis.url());
            withPassword.setTimeout(Duration.ofMinutes(1));
            try (StatefulRedisConnection<String, String> connection = client.connect(withPassword)) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
                Map<String, String> bind = connection.sync().configGet("bind");
                assertThat(bind).containsEntry("bind", "127.0.0.1");
                assertThat(connection.sync().configGet("protected-mode")).containsEntry("protected-mode", "yes");
            }
        } finally {
            client.shutdown();
        }

        // a client that does not know the password gets nothing but NOAUTH
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            socket.setSoTimeout((int) Duration.ofMinutes(1).toMillis());
            socket.getOutputStream().write("PING\r\nGET anything\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader replies = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(replies.readLine()).startsWith("-NOAUTH");
            assertThat(replies.readLine()).startsWith("-NOAUTH");
        }
        assertUnreachableFromOtherAddresses(redis.port());
    }

    /** Every non-loopback IPv4 address of this machine refuses connections to the port. */
    private static void assertUnreachableFromOtherAddresses(int port) throws SocketException {
        List<InetAddress> addresses = otherAddresses();
        if (addresses.isEmpty()) {
            log.warn("This machine has no address but loopback: the bind address alone shows the service is private");
        }
        for (InetAddress address : addresses) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), (int) Duration.ofMinutes(1).toMillis());
                }
            }).as("connecting to %s:%d", address.getHostAddress(), port).isInstanceOf(ConnectException.class);
        }
    }

    private static List<InetAddress> otherAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void assertRefused(ThrowingAction action, Integer... errorCodes) {
        assertThatThrownBy(action::run).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(e.getMessage()).isIn((Object[]) errorCodes));
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws SQLException, IOException;
    }
}
