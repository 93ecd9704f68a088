package org.zhucan.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The cluster of {@code deploy/local-cluster}, driven from a test: brought up in a run folder of its
 * own, faults injected through it, and torn down with its data. Says why it cannot run (packages
 * absent, not root) instead of pretending.
 */
final class LocalCluster {

    static final String DB_USER = "zhucan";
    static final String DB_PASSWORD = "zhucan";
    static final String SENTINEL_MASTER = "zhucan";
    static final String SENTINELS = "127.0.0.1:26390,127.0.0.1:26391,127.0.0.1:26392";

    private final Path script;
    private final Path runDir;

    LocalCluster(Path runDir) {
        this.script = findScript();
        this.runDir = runDir;
    }

    /** Why the cluster cannot run on this machine, or null when it can. */
    static String whyNot() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of("/usr/sbin/mariadbd"))) {
            missing.add("mariadb-server");
        }
        if (!Files.exists(Path.of("/usr/lib/galera/libgalera_smm.so")) && !Files.exists(Path.of("/usr/lib/libgalera_smm.so"))) {
            missing.add("galera-4");
        }
        for (String[] tool : new String[][] {{"redis-server", "redis-server"}, {"redis-sentinel", "redis-sentinel"}, {"rsync", "rsync"}}) {
            if (!onPath(tool[0])) {
                missing.add(tool[1]);
            }
        }
        if (!missing.isEmpty()) {
            return "the Debian packages " + String.join(", ", missing) + " are not installed (.ci/run installs them)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the cluster script runs as root (it starts mariadbd as user mysql), and this is " + System.getProperty("user.name");
        }
        return null;
    }

    /** Skips the calling test where the cluster cannot run, saying why on the output (CI shows it) and in the skip. */
    static void assumeCanRun(String test) {
        String whyNot = whyNot();
        if (whyNot != null) {
            System.out.println(test + " SKIPPED: " + whyNot);
        }
        Assumptions.assumeTrue(whyNot == null, () -> test + " skipped: " + whyNot);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/local-cluster");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/local-cluster not found above " + Path.of("").toAbsolutePath());
    }

    /** Runs the script with these arguments, its output into the run folder's log; fails on a non-zero exit. Returns what it wrote. */
    String run(String... arguments) {
        return run(Map.of(), arguments);
    }

    /** {@link #run(String...)} with these variables added to the script's environment (and so to what it starts). */
    String run(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(runDir.getParent());
            Path log = runDir.getParent().resolve(runDir.getFileName() + ".log");
            long before = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("ZHUCAN_CLUSTER_DIR", runDir.toString());
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local-cluster " + String.join(" ", arguments) + " did not finish in 10 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local-cluster " + String.join(" ", arguments) + " failed (" + process.exitValue() + "): "
                        + tail(log));
            }
            byte[] written = Files.readAllBytes(log);
            return new String(written, (int) Math.min(before, written.length), (int) Math.max(0, written.length - before),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        // enough for the end of an instance's log that the script prints before giving up on it
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * What the script's memory guard has stopped in this run folder so far (deploy/local-cluster, guard_loop): one line a
     * node, naming the evidence folder beside the run folder, which {@code down --purge} keeps.
     */
    List<String> memoryGuardKills() {
        Path summary = runDir.resolveSibling(runDir.getFileName() + "-evidence").resolve("summary.log");
        try {
            return Files.exists(summary) ? Files.readAllLines(summary, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails when the guard stopped a node since {@code before} of its lines: each named with the digest of its evidence in
     * the failure's message, which the test report keeps, since the evidence folder stays on the machine that ran the test.
     */
    void assertNoMemoryGuardKillsSince(int before) {
        List<String> kills = memoryGuardKills();
        List<String> since = kills.subList(Math.min(before, kills.size()), kills.size());
        if (!since.isEmpty()) {
            throw new AssertionError("nodes the memory guard stopped: " + since.size() + MemoryGuardEvidence.digest(since));
        }
    }

    static int dbPort(int node) {
        return 3310 + node;
    }

    /** Instance {@code node}'s URL: its own node first, then the other two (the driver's fail-over). */
    static String jdbcUrl(int node, String database) {
        StringBuilder hosts = new StringBuilder("127.0.0.1:" + dbPort(node));
        for (int other = 1; other <= 3; other++) {
            if (other != node) {
                hosts.append(",127.0.0.1:").append(dbPort(other));
            }
        }
        return "jdbc:mysql://" + hosts + "/" + database + "?createDatabaseIfNotExist=true&failOverReadOnly=false";
    }

    /** A connection to one node alone, outside any application. */
    static Connection node(int node, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + dbPort(node) + "/" + database + "?connectTimeout=2000", DB_USER, DB_PASSWORD);
    }

    static String status(int node, String variable) throws SQLException {
        try (Connection connection = node(node, ""); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
            return rows.next() ? rows.getString(2) : null;
        }
    }

    /** Kills the Redis primary on 6390 at once, as a crash would. */
    void killRedisPrimary() throws IOException {
        long pid = Long.parseLong(Files.readString(runDir.resolve("redis/redis-6390.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The address of the primary that the first Sentinel names, host:port. */
    static String sentinelMaster() {
        return redisCli(26390, "SENTINEL", "get-master-addr-by-name", SENTINEL_MASTER).replace('\n', ':');
    }

    static String redisCli(int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
