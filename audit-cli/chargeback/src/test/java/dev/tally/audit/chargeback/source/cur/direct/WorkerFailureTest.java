package dev.tally.audit.chargeback.source.cur.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.source.cur.parquet.ReadBuffers;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Workers: a month is summed from every row group or not at all")
class WorkerFailureTest {

    /** A row group that adds one line item of 1 unit, or fails the way it is told to. */
    private static ScanTask rowGroup(Supplier<Throwable> failure) {
        return new ScanTask() {
            @Override
            public long heapEstimate() {
                return 1;
            }

            @Override
            public void into(MonthAccumulator accumulator, ReadBuffers buffers) throws IOException {
                Throwable thrown = failure == null ? null : failure.get();
                if (thrown instanceof IOException io) {
                    throw io;
                }
                if (thrown instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (thrown instanceof Error error) {
                    throw error;
                }
                accumulator.groups.add(new int[] {1, 2, 3}, 1, 1);
                accumulator.addToTotal(1, true);
            }
        };
    }

    private static List<ScanTask> monthWithOneFailing(Supplier<Throwable> failure) {
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(rowGroup(i == 29 ? failure : null));
        }
        return tasks;
    }

    @Test
    @DisplayName("every row group summed when none fails")
    void allRowGroups() throws Exception {
        MonthAccumulator sum = DirectParquetAggregator.run(monthWithOneFailing(null), 3, 2);
        assertThat(sum.lineItems()).isEqualTo(40);
        assertThat(sum.total()).isEqualTo(BigInteger.valueOf(40));
    }

    @Test
    @DisplayName("an Error in one worker (here an AssertionError) fails the attempt; DuckDB is told why")
    void errorFailsTheAttempt() {
        assertThatThrownBy(() -> DirectParquetAggregator.run(monthWithOneFailing(() -> new AssertionError("bug")),
                3, 2)).isInstanceOf(UnsupportedParquetException.class)
                .hasMessage("the direct reader failed (AssertionError: bug)");
    }

    @Test
    @DisplayName("running out of heap in one worker fails the attempt and says so")
    void outOfMemoryFailsTheAttempt() {
        assertThatThrownBy(() -> DirectParquetAggregator.run(monthWithOneFailing(OutOfMemoryError::new), 3, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("Java heap");
    }

    @Test
    @DisplayName("an overflow is the exact-range refusal, not a Java class name in the report")
    void overflowIsTheExactRangeRefusal() {
        assertThatThrownBy(() -> DirectParquetAggregator.run(monthWithOneFailing(
                () -> new ArithmeticException("long overflow")), 3, 2))
                .isInstanceOf(UnsupportedParquetException.class)
                .hasMessage("a line item cost beyond the direct reader's exact range");
    }

    @Test
    @DisplayName("a read failure is the IOException itself")
    void ioFailure() {
        assertThatThrownBy(() -> DirectParquetAggregator.run(monthWithOneFailing(() -> new IOException("bad page")),
                3, 2)).isInstanceOf(IOException.class).hasMessage("bad page");
    }

    @Test
    @DisplayName("row groups needing more than half the heap are refused before any is read (DuckDB spills instead)")
    void rowGroupsTooLargeForTheHeap() {
        long tooLarge = Runtime.getRuntime().maxMemory() / 2 + 1;
        ScanTask huge = new ScanTask() {
            @Override
            public long heapEstimate() {
                return tooLarge;
            }

            @Override
            public void into(MonthAccumulator accumulator, ReadBuffers buffers) {
                throw new AssertionError("must not be read");
            }
        };
        assertThatThrownBy(() -> DirectParquetAggregator.run(List.of(huge), 3, 2))
                .isInstanceOf(UnsupportedParquetException.class).hasMessageContaining("MiB of heap each");
    }
}
