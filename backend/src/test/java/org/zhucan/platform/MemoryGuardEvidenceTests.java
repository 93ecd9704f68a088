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
        Files.writeString(folder.resolve("innodb-status.txt"), """
                InnoDB
                =====================================
                ------------
                TRANSACTIONS
                ------------
                Trx id counter 1893
                Purge done for trx's n:o < 1880 undo n:o < 0 state: running
                History list length 412
                --------
                FILE I/O
                --------
                I/O thread 0 state: waiting for completed aio requests
                """);
        Files.writeString(folder.resolve("processlist.txt"), """
                Id	User	Host	db	Command	Time	State	Info	Progress
                15	zhucan	127.0.0.1:56236	zhucan_fault	Sleep	1		NULL	0.000
                16	zhucan	127.0.0.1:56240	zhucan_fault	Query	12	altering table	ALTER TABLE booking ADD COLUMN x INT	0.000
                17	zhucan	127.0.0.1:56242	zhucan_fault	Sleep	0		NULL	0.000
                Variable_name	Value
                Innodb_history_list_length	412
                """);
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
        // purge's state from InnoDB's TRANSACTIONS section, not the sections after it
        assertThat(digest).contains("History list length 412", "Purge done for trx's n:o < 1880").doesNotContain("I/O thread 0");
        // the connections at work, the idle ones only counted
        assertThat(digest).contains("ALTER TABLE booking ADD COLUMN x INT", "(2 connections asleep, not listed)", "Innodb_history_list_length\t412")
                .doesNotContain("127.0.0.1:56236");
    }

    @Test
    void shouldSayWhatWasNotTakenInsteadOfFailing(@TempDir Path evidence) {
        String digest = MemoryGuardEvidence.digest(List.of("killed mariadbd 1 at 3000 MB; evidence in " + evidence.resolve("gone")));

        assertThat(digest).contains("--- summary\n(none taken)", "--- end of the error log\n(none taken)");
    }
}
