package dev.tally.audit.chargeback.report;

import java.time.YearMonth;

/**
 * Whether the month before the report's month could be loaded for the month-over-month comparison.
 *
 * @param month     the previous month
 * @param available true when the source had it
 * @param note      why not, when it is not available (for example "the CUR has no rows for 2026-09")
 */
public record PreviousMonth(YearMonth month, boolean available, String note) {
}
