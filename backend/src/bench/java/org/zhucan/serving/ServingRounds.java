package org.zhucan.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.zhucan.testsupport.CpuMeter;
import org.zhucan.testsupport.RoundRatios;
import org.zhucan.testsupport.ThreadedRun;

/**
 * A run of the serving benchmark measured in rounds, in turns with the other runs and their floors: each round's result,
 * and the CPU of all of them.
 *
 * <p>Why rounds: the machine's speed drifts. The same facts read timed with mariadb-slap, twice in a row, took 0.38 and
 * 0.57 ms (2026-12-06), and the floors of six runs of one build ranged from 2,016 to 2,586 records/s. Measured as one
 * block each, minutes apart (the floors after the uploads), the API and its floor met different machines, and the
 * ratio moved with them: 0.22-0.37x for the same code. In rounds a few seconds long, each beside its floor, a slow
 * stretch slows both sides of a round; the median of the rounds' ratios is the figure, and the spread is printed
 * ({@link RoundRatios}).
 */
final class ServingRounds {

    private final List<Result> rounds = new ArrayList<>();
    private final CpuMeter.Tally cpu;

    ServingRounds(CpuMeter meter) {
        this.cpu = meter.tally();
    }

    /** Measures one round, its CPU counted. */
    Result add(CpuMeter.Work<Result> round) throws Exception {
        Result result = cpu.add(round);
        rounds.add(result);
        return result;
    }

    /** All rounds as one run. */
    Result combined() {
        return Result.combined(rounds);
    }

    /** The CPU of all rounds, in milliseconds a record. */
    Map<CpuMeter.Part, Double> cpuPerRecord() {
        return cpu.perUnit(rounds.stream().mapToLong(round -> round.timings().count()).sum());
    }

    /** Each round's timings, in order. */
    List<ThreadedRun.Timings> timings() {
        return rounds.stream().map(Result::timings).toList();
    }

    /**
     * A measured run: its timings, the statements sent a record, failures and subsidised records, and the counter's batches
     * (CounterMealBatches): how many were written and how long they held the writing, the one serial path of an instance.
     */
    record Result(ThreadedRun.Timings timings, double statements, long failed, long subsidised, String firstFailure, long batches,
                  long writingHeldNanos) {

        static Result combined(List<Result> runs) {
            ThreadedRun.Timings timings = ThreadedRun.Timings.combined(runs.stream().map(Result::timings).toList());
            double statements = runs.stream().mapToDouble(run -> run.statements() * run.timings().count()).sum() / timings.count();
            return new Result(timings, statements, runs.stream().mapToLong(Result::failed).sum(), runs.stream().mapToLong(Result::subsidised).sum(),
                    runs.stream().map(Result::firstFailure).filter(Objects::nonNull).findFirst().orElse(null),
                    runs.stream().mapToLong(Result::batches).sum(), runs.stream().mapToLong(Result::writingHeldNanos).sum());
        }

        /** The counter's batches: meals a batch, the writing held a batch and its share of the run's time. */
        String writing() {
            return batches == 0 ? "no batches" : "%.1f meals a batch, the writing held %.1f ms a batch, %.0f %% of the time".formatted(
                    timings.count() / (double) batches, writingHeldNanos / 1e6 / batches, 100.0 * writingHeldNanos / timings.elapsedNanos());
        }

        double perSecond() {
            return timings.perSecond();
        }
    }
}
