package org.zhucan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;

import redis.embedded.RedisServer;

/**
 * A Redis server from the embedded-redis artifact (Redis 6.2) that only this machine can reach and
 * only with a password: it listens on 127.0.0.1 alone and requires a password made for this run
 * (the settings go to a config file only its owner can read, never on the command line). Tests may
 * stop and start it again on the same port and password, to see what an outage does.
 */
public final class EmbeddedRedis implements AutoCloseable {

    static final String VERSION = "6.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final String password;
    private final RedisServer server;

    private EmbeddedRedis(int port, String password, RedisServer server) {
        this.port = port;
        this.password = password;
        this.server = server;
    }

    /** Configured on a free port but not running yet: {@link #url()} refuses connections until {@link #start()}. */
    public static EmbeddedRedis create() {
        try {
            int port = freePort();
            String password = randomSecret();
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("protected-mode yes")
                    .setting("requirepass " + password)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            return new EmbeddedRedis(port, password, server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not configure embedded Redis", e);
        }
    }

    public static EmbeddedRedis started() {
        EmbeddedRedis redis = create();
        redis.start();
        return redis;
    }

    public synchronized void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis on 127.0.0.1:" + port, e);
        }
    }

    /** Stops the server process; clients see their connections drop and new ones refused. */
    public synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded Redis on 127.0.0.1:" + port, e);
        }
    }

    public boolean isRunning() {
        return server.isActive();
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** The URL the application is given: it carries the password. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port + "/0";
    }

    /** What the log may say about it: no password. */
    public String description() {
        return "embedded Redis " + VERSION + " on 127.0.0.1:" + port + " (127.0.0.1 only; password generated for this run)";
    }

    @Override
    public void close() {
        stop();
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
