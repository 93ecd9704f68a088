package org.zhucan.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest a cluster test's failure carries of a runaway node, read from files as the guard writes them. */
class MemoryGuardEvidenceTests {

    @Test
    void shouldCarryTheBusiestThreadsStacksAndTheEndOfTheErrorLog(@TempDir Path evidence) throws Exception {
        Path folder = evidence.resolve("20261205T173725Z-pid11222");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("summary.txt"), "mariadbd 11222 at 2113 MB of anonymous memory\n");
        Files.writeString(folder.resolve("threads-top.txt"), """
                top - 17:37:25 up 2:01,  0 user,  load average: 3.05, 1.47, 0.67
                Threads:  31 total,   1 running,  30 sleeping,   0 stopped,   0 zombie

                  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
                11250 mysql     20   0 8193.1g   2.1g  25196 R  99.9   8.9   0:31.70 mariadbd
                11231 mysql     20   0 8193.1g   2.1g  25196 S   0.0   8.9   0:00.35 mariadbd
                """);
        Files.writeString(folder.resolve("threads-stacks.txt"), """
                Thread 2 (Thread 0x7f013426f6c0 (LWP 11231) "mariadbd"):
                #0  __futex_abstimed_wait_common64 () at ./nptl/futex-internal.c:57

                Thread 1 (Thread 0x7f01342ba6c0 (LWP 11250) "mariadbd"):
                #0  malloc () at malloc.c:3287
                #1  gcs_recv () from /usr/lib/galera/libgalera_smm.so

                """);
        Files.writeString(folder.resolve("error.log"), "first line\nlast line\n");
        StringBuilder growth = new StringBuilder();
        for (int second = 0; second < 30; second++) {
            growth.append("17:37:").append(second < 10 ? "0" : "").append(second).append(" pid 11222 ").append(600 + 50 * second).append(" MB\n");
        }
        Files.writeString(folder.resolve("growth.txt"), growth);
        String line = "2026-12-05T17:37:30Z killed mariadbd 11222 (/tmp/zhucan-cluster-test/galera2) at 2113 MB of anonymous memory;"
                + " evidence in " + folder;

        String digest = MemoryGuardEvidence.digest(List.of(line));

        assertThat(digest).contains("17:37:00 pid 11222 600 MB", "17:37:29 pid 11222 2050 MB").doesNotContain("17:37:15");
        assertThat(digest).contains(line, "mariadbd 11222 at 2113 MB", "stack of thread 11250", "#1  gcs_recv ()", "last line")
                .contains("stack of thread 11231");
        // the busiest thread's stack comes first, and each stack holds only its own frames
        assertThat(digest.indexOf("stack of thread 11250")).isLessThan(digest.indexOf("stack of thread 11231"));
        String busiest = digest.substring(digest.indexOf("stack of thread 11250"), digest.indexOf("stack of thread 11231"));
        assertThat(busiest).contains("malloc").doesNotContain("futex");
    }

    @Test
    void shouldSayWhatWasNotTakenInsteadOfFailing(@TempDir Path evidence) {
        String digest = MemoryGuardEvidence.digest(List.of("killed mariadbd 1 at 3000 MB; evidence in " + evidence.resolve("gone")));

        assertThat(digest).contains("--- summary\n(none taken)", "--- end of the error log\n(none taken)");
    }
}
