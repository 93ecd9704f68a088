package org.zhucan.intake;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.security.RunAsAccount;

/**
 * Runs import jobs on this instance's own small pool (never in the request that started them), each as the account
 * that started its phase, under a lease in the database. The sweeper, on every instance, takes over jobs whose
 * lease ran out (their instance died): a claim is one conditional UPDATE, so two sweepers never run one job.
 * Logs say which import and how it ended, never a row's content.
 */
@Component
@EnableScheduling
class IntakeJobs {

    private static final Logger log = LoggerFactory.getLogger(IntakeJobs.class);

    private final IntakeMapper mapper;
    private final IntakeValidation validation;
    private final IntakeCommit commit;
    private final IntakeSettings settings;
    private final String owner = "intake-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService pool;
    private volatile boolean stopping;
    /** The imports this instance is running now: a sweep never starts a second run of one of them. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    IntakeJobs(IntakeMapper mapper, IntakeValidation validation, IntakeCommit commit, IntakeSettings settings) {
        this.mapper = mapper;
        this.validation = validation;
        this.commit = commit;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.workers()), runnable -> {
            Thread thread = new Thread(runnable, "intake-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The name this instance takes leases under. */
    String owner() {
        return owner;
    }

    /** Runs the job once the caller's transaction (which created or advanced it) has committed. */
    void submitAfterCommit(long importId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pool.execute(() -> run(importId));
                }
            });
        } else {
            pool.execute(() -> run(importId));
        }
    }

    /** Takes over the jobs whose instance died; safe on every instance at once. Tests call it by hand. */
    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${zhucan.intake.sweep-millis:30000}")
    int sweep() {
        List<Long> abandoned = mapper.findAbandoned(5);
        int taken = 0;
        for (long id : abandoned) {
            if (!running.contains(id) && mapper.claim(id, owner, settings.leaseSeconds()) == 1) {
                log.info("intake import {}: lease ran out, resumed here", id);
                pool.execute(() -> run(id));
                taken++;
            }
        }
        return taken;
    }

    void run(long importId) {
        if (!running.add(importId)) {
            return;
        }
        try {
            runClaimed(importId);
        } finally {
            running.remove(importId);
        }
    }

    private void runClaimed(long importId) {
        if (mapper.claim(importId, owner, settings.leaseSeconds()) == 0) {
            return;
        }
        IntakeImport job = mapper.findById(importId);
        IntakeMapper.Actor actor = mapper.findActor(importId);
        CurrentUser user = asUser(actor);
        try {
            RunAsAccount.run(user, () -> {
                if (job.status() == IntakeStatus.COMMITTING) {
                    commit.run(job, owner);
                } else {
                    validation.run(job, actor.regionId(), owner);
                }
                return null;
            });
            log.info("intake import {}: {} finished", importId, job.status() == IntakeStatus.COMMITTING ? "commit" : "dry run");
        } catch (LeaseLostException e) {
            log.warn("intake import {}: another instance took it over", importId);
        } catch (SheetReader.UnreadableFileException e) {
            mapper.fail(importId, owner, e.getMessage());
            log.info("intake import {}: file refused", importId);
        } catch (RuntimeException e) {
            if (stopping) {
                // shut down mid-job: the lease runs out and another instance (or this one, restarted) resumes it
                log.warn("intake import {}: stopped with the instance; to be resumed", importId);
                return;
            }
            // the exception's message may quote data: only its type is logged and kept
            mapper.fail(importId, owner, "The job stopped on an internal error (" + e.getClass().getSimpleName() + "); upload the file again");
            log.error("intake import {}: failed with {}", importId, e.getClass().getName());
        }
    }

    static CurrentUser asUser(IntakeMapper.Actor actor) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(actor.roles().split(",")).filter(r -> !r.isBlank()).forEach(r -> roles.add(Role.valueOf(r.strip())));
        return new CurrentUser(actor.username(), actor.name(), roles, null, actor.regionId(), List.of());
    }

    @PreDestroy
    void stop() {
        stopping = true;
        pool.shutdownNow();
    }
}
