package org.zhucan.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhucan.testsupport.ReadmeExamples;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM the README tells a deployment to start is the one the run command and the request benchmarks start: the flags of
 * every production command in the README ({@code java ... -jar backend/target/zhucan.jar}) are the POM's
 * {@code zhucan.run.jvmArguments}, and the benchmarks whose figures the README gives with those flags use that property.
 * A collector or a heap changed in one place and not the other would make the README's memory and performance figures
 * describe a JVM nobody runs.
 */
class JvmFlagsTests {

    private static final Pattern RUN_FLAGS = Pattern.compile("<zhucan\\.run\\.jvmArguments>([^<]+)</zhucan\\.run\\.jvmArguments>");
    private static final Pattern PRODUCTION_COMMAND = Pattern.compile("(?m)^java (.*?)-jar backend/target/zhucan\\.jar", Pattern.DOTALL);
    private static final List<String> REQUEST_BENCHMARKS = List.of("menu-benchmark", "home-screen-benchmark", "booking-benchmark",
            "serving-benchmark");

    @Test
    void shouldStartTheReadmesProductionJvmWithTheRunCommandsFlags() throws IOException {
        Path readme = ReadmeExamples.readme();
        String pom = Files.readString(readme.resolveSibling("backend").resolve("pom.xml"));
        Matcher run = RUN_FLAGS.matcher(pom);
        assertThat(run.find()).as("zhucan.run.jvmArguments in backend/pom.xml").isTrue();
        List<String> flags = Arrays.asList(run.group(1).strip().split("\\s+"));
        assertThat(flags).as("the run command's JVM flags").contains("-Xmx512m", "-XX:+UseParallelGC");

        List<List<String>> commands = new ArrayList<>();
        Matcher command = PRODUCTION_COMMAND.matcher(Files.readString(readme));
        while (command.find()) {
            commands.add(Arrays.stream(command.group(1).replace("\\", " ").strip().split("\\s+")).toList());
        }
        assertThat(commands).as("production commands in the README").hasSizeGreaterThanOrEqualTo(2);
        assertThat(commands).allSatisfy(given -> assertThat(given).as("a production command's JVM flags").isEqualTo(flags));
    }

    @Test
    void shouldRunTheRequestBenchmarksWithTheRunCommandsFlags() throws IOException {
        String pom = Files.readString(ReadmeExamples.readme().resolveSibling("backend").resolve("pom.xml"));
        for (String benchmark : REQUEST_BENCHMARKS) {
            int at = pom.indexOf("<id>" + benchmark + "</id>");
            assertThat(at).as(benchmark + " in backend/pom.xml").isPositive();
            String execution = pom.substring(at, pom.indexOf("</execution>", at));
            assertThat(execution).as(benchmark + "'s JVM").contains("<jvmArguments>${zhucan.run.jvmArguments}</jvmArguments>");
        }
    }
}
