package org.zhucan.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;

/** Times one benchmark request in-process, with the heap around it. */
public final class HeapMeter {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A request whose answer is kept for the checks that follow it. */
    @FunctionalInterface
    public interface Request {
        Map<String, Object> send() throws Exception;
    }

    /** What one request took: wall time, heap before and at its peak, bytes allocated, and its answer. */
    public record Measured(long nanos, long heapBefore, long heapPeak, long allocated, Map<String, Object> data) {
    }

    /**
     * One request, timed, with the heap around it. The peak is the sum of each heap pool's own peak,
     * which need not have come at the same moment: an upper bound on the heap in use. Allocated is
     * what every live thread allocated meanwhile, garbage included, whatever the collector did.
     */
    public Measured measure(Request request) throws Exception {
        System.gc();
        long heapBefore = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = allocated();
        long before = System.nanoTime();
        Map<String, Object> data = request.send();
        long nanos = System.nanoTime() - before;
        long allocated = allocated() - allocatedBefore;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(nanos, heapBefore, peak, allocated, data);
    }

    private long allocated() {
        long sum = 0;
        for (long each : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(each, 0);
        }
        return sum;
    }
}
