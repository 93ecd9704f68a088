package org.zhucan.common.sql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request's statement count leaves out: the statements of the application's own background threads, the
 * scheduler's above all (the roll-up job runs every 30 s and once landed in an N+1 test's count).
 */
class SqlStatementCounterTests extends ApiTest {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void statementsOfBackgroundThreadsAreCountedForTheMeterButNotForARequest() throws Exception {
        SqlStatementCounter counter = new SqlStatementCounter();
        counter.sent();
        for (String name : List.of("scheduling-1", "intake-2", "health-db")) {
            Thread thread = new Thread(() -> counter.sent(), name);
            thread.start();
            thread.join();
        }
        Thread request = new Thread(() -> counter.sent(), "http-nio-8080-exec-1");
        request.start();
        request.join();

        counter.destroy();

        assertThat(counter.count()).isEqualTo(5);
        assertThat(counter.countOutsideBackgroundWork()).isEqualTo(2);
    }

    @Test
    void theApplicationsJobsRunOnThreadsTheCounterKnowsAsBackground() throws Exception {
        AtomicReference<String> name = new AtomicReference<>();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        scheduler.schedule(() -> {
            name.set(Thread.currentThread().getName());
            ran.complete(null);
        }, java.time.Instant.now());
        ran.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(name.get()).startsWith("scheduling-");
    }
}
