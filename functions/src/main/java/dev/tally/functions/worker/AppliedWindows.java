package dev.tally.functions.worker;

import dev.tally.functions.common.RenewalTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The windows that keep the balance item's applied-id sets bounded. Time is cut into windows of {@link #LENGTH};
 * a credit adds its renewal id to the set of the current window, checks the previous, current and next window's
 * sets (the next one covers a worker whose clock is slightly ahead), and removes the set two windows back. So an
 * id stays in the balance item for at least one full window after its credit, which is more than twice SQS's
 * longest retention (14 days), and the item holds at most the ids of three windows.
 */
final class AppliedWindows {
  /** Thirty days: longer than any message can stay in the renewal queue or its DLQ. */
  static final Duration LENGTH = Duration.ofDays(30);

  private AppliedWindows() {}

  /** The window {@code instant} falls in: whole window lengths since the epoch. */
  static long windowOf(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), LENGTH.toSeconds());
  }

  /** Applied-id attributes among {@code names} older than the previous window: sets a credit has not removed. */
  static List<String> leftovers(Collection<String> names, long window) {
    return names.stream().filter(name -> name.startsWith(RenewalTable.APPLIED_IDS_PREFIX))
        .filter(name -> {
          try {
            return Long.parseLong(name.substring(RenewalTable.APPLIED_IDS_PREFIX.length())) < window - 1;
          } catch (NumberFormatException notOurs) {
            return false;
          }
        })
        .sorted().toList();
  }
}
