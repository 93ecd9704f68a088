package org.zhucan.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went while a benchmark measured, by kind of thread: the application's request threads, the JIT's
 * compilers, the collector, the rest of this JVM (the benchmark's own client threads among them), and the database
 * server when it runs on this machine. A throughput ratio alone cannot say whether the application's code, the
 * database's statements or a JIT still compiling on the other core made the difference; these can. Read from Linux's
 * /proc (threads' user and system time, 10 ms ticks); elsewhere every figure is unknown (-1).
 */
public final class CpuMeter {

    /** A kind of thread the CPU is charged to. */
    public enum Part {
        REQUESTS("request threads"), JIT("JIT compilers"), GC("collector"), OTHER_JVM("rest of this JVM"), DATABASE("database server");

        public final String label;

        Part(String label) {
            this.label = label;
        }
    }

    private static final Path OWN_THREADS = Path.of("/proc/self/task");
    private static final Path OWN_PROCESS = Path.of("/proc/self/stat");
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path database = databaseProcess();

    /** The CPU used so far by each part, in nanoseconds; -1 for a part this machine cannot tell. */
    private Map<Part, Long> snapshot() {
        Map<Part, Long> used = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            used.put(part, Files.isDirectory(OWN_THREADS) ? 0L : -1L);
        }
        if (Files.isDirectory(OWN_THREADS)) {
            try (Stream<Path> threads = Files.list(OWN_THREADS)) {
                long named = 0;
                for (Path thread : threads.toList()) {
                    try {
                        Part part = partOf(Files.readString(thread.resolve("comm")).trim());
                        if (part != Part.OTHER_JVM) {
                            long nanos = ticks(thread.resolve("stat")) * NANOS_PER_TICK;
                            used.merge(part, nanos, Long::sum);
                            named += nanos;
                        }
                    } catch (IOException | RuntimeException ended) {
                        // a thread that ended between the listing and the read: the process's total below still has its time
                    }
                }
                // the rest from the process's total, which keeps the time of threads that have ended (a run's client threads)
                used.put(Part.OTHER_JVM, ticks(OWN_PROCESS) * NANOS_PER_TICK - named);
            } catch (IOException e) {
                throw new IllegalStateException("could not read this process's threads", e);
            }
        }
        used.put(Part.DATABASE, database == null ? -1L : databaseTicks() * NANOS_PER_TICK);
        return used;
    }

    /** A point to measure from: {@link Since#perUnit} then says what each part used since. */
    public Since since() {
        return new Since(snapshot());
    }

    /** The CPU used from a point on. */
    public final class Since {

        private final Map<Part, Long> before;

        private Since(Map<Part, Long> before) {
            this.before = before;
        }

        /** What each part used since, in milliseconds per unit of work (a record, a batch); -1 where unknown. */
        public Map<Part, Double> perUnit(long units) {
            Map<Part, Long> after = snapshot();
            Map<Part, Double> each = new EnumMap<>(Part.class);
            for (Part part : Part.values()) {
                long from = before.get(part);
                long to = after.get(part);
                each.put(part, from < 0 || to < 0 ? -1.0 : (to - from) / 1e6 / units);
            }
            return each;
        }
    }

    /** A tally of the CPU used over several windows of work: a run measured in rounds, in turns with another. */
    public Tally tally() {
        return new Tally();
    }

    /** One piece of work whose CPU a tally counts. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** The CPU used while the work added to it ran, and by nothing in between. */
    public final class Tally {

        private final Map<Part, Long> used = new EnumMap<>(Part.class);

        private Tally() {
            for (Part part : Part.values()) {
                used.put(part, 0L);
            }
        }

        /** Runs the work and adds what each part used meanwhile; the work's result. */
        public <T> T add(Work<T> work) throws Exception {
            Map<Part, Long> before = snapshot();
            T result = work.run();
            Map<Part, Long> after = snapshot();
            for (Part part : Part.values()) {
                long from = before.get(part);
                long to = after.get(part);
                used.compute(part, (key, sum) -> sum < 0 || from < 0 || to < 0 ? -1L : sum + to - from);
            }
            return result;
        }

        /** What each part used in all, in milliseconds per unit of work; -1 where unknown. */
        public Map<Part, Double> perUnit(long units) {
            Map<Part, Double> each = new EnumMap<>(Part.class);
            used.forEach((part, nanos) -> each.put(part, nanos < 0 ? -1.0 : nanos / 1e6 / units));
            return each;
        }
    }

    /** As a line of figures: "request threads 0.95, JIT compilers 1.20, ..." with the given format, "n/a" where unknown. */
    public static String describe(Map<Part, Double> each, String format) {
        return String.join(", ", each.entrySet().stream()
                .map(entry -> entry.getKey().label + " " + (entry.getValue() < 0 ? "n/a" : format.formatted(entry.getValue()))).toList());
    }

    private static Part partOf(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return Part.REQUESTS;
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler") || threadName.startsWith("Sweeper")) {
            return Part.JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
            return Part.GC;
        }
        return Part.OTHER_JVM;
    }

    /** utime + stime of a /proc stat file: the 14th and 15th fields, counted after the command's closing parenthesis. */
    private static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long databaseTicks() {
        try {
            return ticks(database);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The stat file of the local MariaDB or MySQL server, if one runs here (the benchmarks' usual set-up); null otherwise. */
    private static Path databaseProcess() {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return null;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (List.of("mariadbd", "mysqld").contains(Files.readString(process.resolve("comm")).trim())) {
                        return process.resolve("stat");
                    }
                } catch (IOException ended) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
