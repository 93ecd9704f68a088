package org.zhucan.testsupport;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhucan.ZhucanApplication;

/** Starts the whole application for a benchmark program, runs it, and stops. */
public final class BenchmarkApp {

    private BenchmarkApp() {
    }

    /** A benchmark run against the started application. */
    @FunctionalInterface
    public interface Benchmark {
        void run(ConfigurableApplicationContext context) throws Exception;
    }

    /**
     * The application with the demo data on a random port and quiet logs, plus the arguments given
     * (e.g. {@code --zhucan.booking.jobs-enabled=false}, so that nothing else writes while the figures
     * are taken); then the benchmark; then exit, whatever threads are left.
     */
    public static void run(Benchmark benchmark, String... arguments) throws Exception {
        System.setProperty("zhucan.demo.enabled", "true");
        String[] all = Stream.concat(Stream.of("--server.port=0", "--logging.level.root=WARN"), Arrays.stream(arguments)).toArray(String[]::new);
        ConfigurableApplicationContext context = SpringApplication.from(ZhucanApplication::main).run(all).getApplicationContext();
        try {
            benchmark.run(context);
        } finally {
            context.close();
        }
        System.exit(0);
    }
}
