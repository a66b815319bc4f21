package dev.tally.audit.chargeback.source.cur.direct;

import dev.tally.audit.chargeback.source.cur.parquet.ReadBuffers;
import java.io.IOException;

/** One unit of a worker's work (a row group): what it costs in heap, and summing it. */
interface ScanTask {
    /** Heap bytes the task's data takes while it runs, roughly. */
    long heapEstimate();

    /** Adds the task's line items to the worker's accumulator, reading through the worker's buffers. */
    void into(MonthAccumulator accumulator, ReadBuffers buffers) throws IOException;
}
