package org.zhucan.serving;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.zhucan.testsupport.CpuMeter;
import org.zhucan.testsupport.JitSettling;
import org.zhucan.testsupport.RoundRatios;

/**
 * The serving benchmark's upload figures as it prints them: the uploads, each batch beside a floor batch of the same rows
 * (raw JDBC batched INSERTs), the floor's batches of records alone, each upload's ratio to the floor batch beside it, and
 * where the CPU went.
 */
record ServingUploadReport(int batchSize, List<ServingUploads.Upload> batches, ServingUploads.Upload replay, int settleBatches, int maxSettleBatches,
                           long jitMillis, long[] floorFull, long[] floorBare, ServingJdbcFloor.Template template, CpuMeter.Tally cpuUploads,
                           CpuMeter.Tally cpuFloor) {

    void print() {
        int count = batches.size();
        System.out.printf("uploadMealRecords over GraphQL HTTP, %d batches of %,d walk-ins (one site, served yesterday 11:00-13:00), one thread,"
                + " after one warm-up batch:%n", count, batchSize);
        long[] uploadNanos = batches.stream().mapToLong(ServingUploads.Upload::nanos).toArray();
        System.out.printf("  %-45s %10s %13s %9s %9s %8s  %s%n", "", "records/s", "batch p50 ms", "min ms", "max ms", "SQL/rec",
                "accepted/duplicate/rejected");
        System.out.printf("  %-45s %10.0f %13.0f %9.0f %9.0f %8.1f  %s%n", "upload, new records", recordsPerSecond(uploadNanos), p50Millis(uploadNanos),
                Arrays.stream(uploadNanos).min().getAsLong() / 1e6, Arrays.stream(uploadNanos).max().getAsLong() / 1e6,
                batches.stream().mapToLong(ServingUploads.Upload::statements).sum() / (double) (count * batchSize),
                batches.stream().map(ServingUploads.Upload::counts).collect(Collectors.joining(" ")));
        System.out.printf("  %-45s %10.0f %13.0f %9s %9s %8.1f  %s%n", "upload, one batch replayed (duplicates)", batchSize / (replay.nanos() / 1e9),
                replay.nanos() / 1e6, "", "", replay.statements() / (double) batchSize, replay.counts());
        batches.stream().filter(upload -> upload.firstFailure() != null).findFirst()
                .ifPresent(upload -> System.out.printf("    first rejection: %s%n", upload.firstFailure()));
        System.out.printf("  JIT: %d more warm-up batches (each beside a floor batch) until %s, at most %d; %,d ms compiling while the uploads were"
                + " measured%n", settleBatches, JitSettling.QUIET, maxSettleBatches, jitMillis);
        System.out.printf("  subsidised records among the accepted: %d of %d%n", batches.stream().mapToLong(ServingUploads.Upload::subsidised).sum(),
                batches.stream().mapToLong(ServingUploads.Upload::accepted).sum());

        System.out.printf("JDBC floor: batched INSERT, %d batches of %,d, one transaction a batch, after one warm-up batch (records only: after"
                + " the uploads):%n", count, batchSize);
        System.out.printf("  %-45s %10s %13s%n", "", "records/s", "batch p50 ms");
        System.out.printf("  %-45s %10.0f %13.0f%n", "meal_record + %d item + %d shares".formatted(template.items().size(), template.shares().size()),
                recordsPerSecond(floorFull), p50Millis(floorFull));
        System.out.printf("  %-45s %10.0f %13.0f%n", "meal_record only", recordsPerSecond(floorBare), p50Millis(floorBare));
        double[] ratios = new double[count];
        Arrays.setAll(ratios, batch -> floorFull[batch] / (double) uploadNanos[batch]);
        System.out.printf("  each upload batch beside a floor batch, in turn; each upload's ratio to the floor batch after it:%n  %-48s %s%n",
                "upload / meal_record + item + shares", RoundRatios.row(ratios, recordsPerSecond(uploadNanos) / recordsPerSecond(floorFull)));
        System.out.printf("  CPU ms a batch of %,d, upload: %s%n  CPU ms a batch of %,d, floor:  %s%n", batchSize,
                CpuMeter.describe(cpuUploads.perUnit(count), "%.0f"), batchSize, CpuMeter.describe(cpuFloor.perUnit(count), "%.0f"));
    }

    private double recordsPerSecond(long[] batchNanos) {
        return batchNanos.length * (double) batchSize / (Arrays.stream(batchNanos).sum() / 1e9);
    }

    private static double p50Millis(long[] batchNanos) {
        long[] sorted = batchNanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
