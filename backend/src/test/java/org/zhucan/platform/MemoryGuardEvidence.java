package org.zhucan.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the local cluster's memory guard took from a runaway node, cut to what a CI log can carry. The evidence folder
 * lives on the machine that ran the test and goes with it; a failure's message is all a CI report keeps, so the
 * cluster tests put this digest in theirs: the machine, the node's growth, its busiest threads with their stacks, what
 * InnoDB and the connections were doing, the end of its error log and its memory.
 */
final class MemoryGuardEvidence {

    /** The folder a guard's summary line names: "... evidence in /tmp/...-evidence/<time>-pid<pid>". */
    private static final Pattern EVIDENCE_FOLDER = Pattern.compile("evidence in (\\S+)$");
    /** A thread of {@code top -H}: its id first, its CPU share in the ninth column. */
    private static final Pattern TOP_THREAD = Pattern.compile("^\\s*(\\d+)\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+([\\d.]+)\\s");
    /** A processlist row (Id, User, Host, db, Command, ...) whose command is Sleep. */
    private static final Pattern ASLEEP = Pattern.compile("\\d+\t[^\t]*\t[^\t]*\t[^\t]*\tSleep\t.*");
    private static final int BUSIEST_THREADS = 2;
    private static final int FRAMES_A_THREAD = 16;
    private static final int ERROR_LOG_LINES = 20;

    private MemoryGuardEvidence() {
    }

    /** The digest of every guard line given, one section each. */
    static String digest(List<String> guardLines) {
        StringBuilder digest = new StringBuilder();
        for (String line : guardLines) {
            digest.append("\n=== ").append(line).append('\n');
            Matcher folder = EVIDENCE_FOLDER.matcher(line.trim());
            if (folder.find()) {
                digestFolder(Path.of(folder.group(1)), digest);
            }
        }
        return digest.toString();
    }

    /**
     * Most telling first, since a CI log may show only the start of a long message: what the node was, how it grew,
     * its busiest threads and their stacks, what InnoDB and its connections were doing, its error log, its memory.
     */
    private static void digestFolder(Path folder, StringBuilder digest) {
        section(digest, "summary", head(lines(folder.resolve("summary.txt")), 14));
        List<String> growth = lines(folder.resolve("growth.txt"));
        section(digest, "growth, a line a second above a quarter of the limit (the first and last five)", firstAndLast(growth, 5));
        List<String> top = lines(folder.resolve("threads-top.txt"));
        section(digest, "threads by CPU", head(top, 14));
        List<String> stacks = lines(folder.resolve("threads-stacks.txt"));
        for (String thread : busiestThreads(top)) {
            section(digest, "stack of thread " + thread, head(stackOf(stacks, thread), FRAMES_A_THREAD));
        }
        section(digest, "InnoDB's transactions and purge", head(innodbTransactions(lines(folder.resolve("innodb-status.txt"))), 24));
        section(digest, "connections, Galera's queues and open transactions", head(withoutIdleConnections(lines(folder.resolve("processlist.txt"))), 40));
        List<String> errors = lines(folder.resolve("error.log"));
        section(digest, "end of the error log", errors.subList(Math.max(0, errors.size() - ERROR_LOG_LINES), errors.size()));
        section(digest, "memory", lines(folder.resolve("smaps_rollup.txt")).stream().filter(line -> line.startsWith("Rss:")
                || line.startsWith("Anonymous:") || line.startsWith("Pss_File:")).toList());
        section(digest, "largest mappings", head(lines(folder.resolve("largest-mappings.txt")), 4));
    }

    /** The TRANSACTIONS section of SHOW ENGINE INNODB STATUS: purge's position, the history length, open transactions. */
    private static List<String> innodbTransactions(List<String> status) {
        int start = status.indexOf("TRANSACTIONS");
        if (start < 0) {
            return status.isEmpty() ? List.of() : List.of("(no TRANSACTIONS section in " + status.size() + " lines)");
        }
        List<String> section = new ArrayList<>();
        for (String line : status.subList(start + 2, status.size())) {
            if (line.startsWith("-----")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    /** The processlist without connections asleep (a pool's idle ones), counted instead; the status lines kept. */
    private static List<String> withoutIdleConnections(List<String> lines) {
        List<String> kept = lines.stream().filter(line -> !ASLEEP.matcher(line).matches()).collect(Collectors.toCollection(ArrayList::new));
        int asleep = lines.size() - kept.size();
        if (asleep > 0) {
            kept.add(Math.min(1, kept.size()), "(" + asleep + " connections asleep, not listed)");
        }
        return kept;
    }

    /** The threads {@code top -H} shows busiest, busiest first (top sorts by CPU). */
    private static Set<String> busiestThreads(List<String> top) {
        Set<String> threads = new LinkedHashSet<>();
        for (String line : top) {
            Matcher thread = TOP_THREAD.matcher(line);
            if (thread.find() && threads.size() < BUSIEST_THREADS) {
                threads.add(thread.group(1));
            }
        }
        return threads;
    }

    /** gdb's "Thread N (Thread 0x... (LWP id) ...):" and its frames up to the next blank line. */
    private static List<String> stackOf(List<String> stacks, String lwp) {
        List<String> stack = new ArrayList<>();
        boolean inside = false;
        for (String line : stacks) {
            if (line.startsWith("Thread ")) {
                inside = line.contains("(LWP " + lwp + ")");
            } else if (line.isBlank()) {
                inside = false;
            }
            if (inside) {
                stack.add(line);
            }
        }
        return stack;
    }

    private static void section(StringBuilder digest, String title, List<String> lines) {
        digest.append("--- ").append(title).append('\n');
        if (lines.isEmpty()) {
            digest.append("(none taken)\n");
        }
        lines.forEach(line -> digest.append(line.length() > 240 ? line.substring(0, 240) : line).append('\n'));
    }

    private static List<String> firstAndLast(List<String> lines, int count) {
        if (lines.size() <= 2 * count) {
            return lines;
        }
        List<String> ends = new ArrayList<>(lines.subList(0, count));
        ends.add("...");
        ends.addAll(lines.subList(lines.size() - count, lines.size()));
        return ends;
    }

    private static List<String> head(List<String> lines, int count) {
        return lines.subList(0, Math.min(count, lines.size()));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }
}
