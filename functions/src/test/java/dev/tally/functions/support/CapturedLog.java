package dev.tally.functions.support;

import dev.tally.functions.common.StructuredLog;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link StructuredLog} whose lines a test can read back. */
public final class CapturedLog {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final StructuredLog log = new StructuredLog(lines::add, Clock.systemUTC());

  /** The log to hand to the class under test. */
  public StructuredLog log() {
    return log;
  }

  /** Every line written so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines whose event is {@code event}. */
  public List<String> linesFor(String event) {
    return lines.stream().filter(line -> line.contains("\"event\":\"" + event + "\"")).toList();
  }
}
