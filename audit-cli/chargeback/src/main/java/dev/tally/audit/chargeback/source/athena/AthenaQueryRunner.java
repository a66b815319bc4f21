package dev.tally.audit.chargeback.source.athena;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Runs one SQL statement on Athena and returns all of its rows: {@code StartQueryExecution}, then
 * {@code GetQueryExecution} with a doubling interval until the query has finished or the timeout has passed (the
 * query is then stopped), then every page of {@code GetQueryResults}. A query that failed, was cancelled or timed out
 * is an error carrying Athena's reason; no partial result ever leaves this class.
 */
final class AthenaQueryRunner {
    /** GetQueryResults' largest page. */
    static final int PAGE_SIZE = 1000;

    /** Waits; tests may pass one that records instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final AthenaClient athena;
    private final Optional<String> workGroup;
    private final Optional<String> outputLocation;
    private final AthenaPolling polling;
    private final Sleeper sleeper;

    AthenaQueryRunner(AthenaClient athena, Optional<String> workGroup, Optional<String> outputLocation,
            AthenaPolling polling, Sleeper sleeper) {
        this.athena = athena;
        this.workGroup = workGroup;
        this.outputLocation = outputLocation;
        this.polling = polling;
        this.sleeper = sleeper;
    }

    /** @param purpose what the query is for, in the error messages ("the grouped query for 2025-10") */
    AthenaResult run(String sql, String purpose) {
        StartQueryExecutionRequest.Builder start = StartQueryExecutionRequest.builder().queryString(sql);
        workGroup.ifPresent(start::workGroup);
        outputLocation.ifPresent(o -> start.resultConfiguration(ResultConfiguration.builder().outputLocation(o).build()));
        String id = athena.startQueryExecution(start.build()).queryExecutionId();
        QueryExecution execution = awaitCompletion(id, purpose);
        long scanned = execution.statistics() == null || execution.statistics().dataScannedInBytes() == null ? 0
                : execution.statistics().dataScannedInBytes();
        return read(id, scanned);
    }

    private QueryExecution awaitCompletion(String id, String purpose) {
        long deadline = System.nanoTime() + polling.timeout().toNanos();
        Duration delay = polling.firstDelay();
        while (true) {
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopping(id, failure("Athena query " + id + " (" + purpose + ") was interrupted and stopped", e));
            }
            QueryExecution execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
            QueryExecutionStatus status = execution.status();
            QueryExecutionState state = status == null ? QueryExecutionState.UNKNOWN_TO_SDK_VERSION : status.state();
            switch (state) {
                case SUCCEEDED:
                    return execution;
                case FAILED:
                    throw failure("Athena query " + id + " (" + purpose + ") failed: " + reason(status)
                            + ". No report was written; fix the cause and run again", null);
                case CANCELLED:
                    throw failure("Athena query " + id + " (" + purpose + ") was cancelled" + reasonSuffix(status)
                            + ". No report was written; run again", null);
                default:
                    // QUEUED, RUNNING, or a state newer than this SDK: keep waiting, within the timeout.
                    break;
            }
            if (System.nanoTime() >= deadline) {
                throw stopping(id, failure("Athena query " + id + " (" + purpose + ") did not finish within "
                        + seconds(polling.timeout()) + " and was stopped (last state " + state
                        + "). No report was written; check the workgroup's queue and that the table is partitioned by"
                        + " billing_period", null));
            }
            delay = polling.next(delay);
        }
    }

    private AthenaResult read(String id, long scanned) {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String token = null;
        boolean first = true;
        do {
            String pageToken = token;
            GetQueryResultsResponse page = athena.getQueryResults(r -> r.queryExecutionId(id).maxResults(PAGE_SIZE)
                    .nextToken(pageToken));
            if (first) {
                page.resultSet().resultSetMetadata().columnInfo().stream().map(ColumnInfo::name).forEach(columns::add);
            }
            List<Row> pageRows = page.resultSet().rows();
            // A SELECT's first row on the first page repeats the column names.
            for (int i = first ? 1 : 0; i < pageRows.size(); i++) {
                // Stream.toList keeps the nulls Athena sends for SQL NULL (a Datum without VarCharValue).
                rows.add(pageRows.get(i).data().stream().map(Datum::varCharValue).toList());
            }
            first = false;
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return new AthenaResult(id, columns, rows, scanned);
    }

    /**
     * Stops a query we give up on, so it stops scanning (and billing). Its failure is attached to the error the user
     * sees rather than replacing it: the timeout is the problem to report.
     */
    private UserFacingException stopping(String id, UserFacingException failure) {
        try {
            athena.stopQueryExecution(r -> r.queryExecutionId(id));
        } catch (RuntimeException stopFailed) {
            failure.addSuppressed(stopFailed);
        }
        return failure;
    }

    private static String reason(QueryExecutionStatus status) {
        AthenaError error = status.athenaError();
        String message = error != null && error.errorMessage() != null ? error.errorMessage()
                : status.stateChangeReason();
        return message == null || message.isBlank() ? "no reason given" : firstLine(message);
    }

    private static String reasonSuffix(QueryExecutionStatus status) {
        String reason = status.stateChangeReason();
        return reason == null || reason.isBlank() ? "" : ": " + firstLine(reason);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    private static UserFacingException failure(String message, Throwable cause) {
        return new UserFacingException(ExitCode.INCOMPLETE, message, cause);
    }
}
