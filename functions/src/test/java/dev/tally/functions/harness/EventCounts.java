package dev.tally.functions.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A log sink for the handlers' structured log that counts lines per {@code event} instead of keeping them: a herd
 * of a hundred thousand renewals writes several hundred thousand lines.
 */
public final class EventCounts implements Consumer<String> {
  private static final String EVENT_FIELD = "\"event\":\"";
  private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Override
  public void accept(String line) {
    int start = line.indexOf(EVENT_FIELD);
    if (start < 0) {
      return;
    }
    start += EVENT_FIELD.length();
    int end = line.indexOf('"', start);
    counts.computeIfAbsent(line.substring(start, end), event -> new AtomicLong()).incrementAndGet();
  }

  /** How many lines the given event wrote. */
  public long count(String event) {
    AtomicLong count = counts.get(event);
    return count == null ? 0 : count.get();
  }

  /** Every event seen, with its count, sorted by name. */
  public Map<String, Long> all() {
    Map<String, Long> all = new TreeMap<>();
    counts.forEach((event, count) -> all.put(event, count.get()));
    return all;
  }
}
