package dev.tally.functions.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes one JSON object per line, one line per business event ({@code renewal.accepted}, {@code renewal.credited},
 * …), so CloudWatch Logs Insights can filter and count by field. Callers pass ids only (customer, renewal, message),
 * never phone numbers or request bodies.
 */
public final class StructuredLog {
  private final Consumer<String> sink;
  private final Clock clock;
  private final ObjectMapper mapper = Json.newMapper();

  /**
   * @param sink receives each finished line (no trailing newline)
   * @param clock stamps {@code ts}
   */
  public StructuredLog(Consumer<String> sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** Lines go to standard output, which the Lambda runtime forwards to CloudWatch Logs, one record per line. */
  public static StructuredLog toStandardOutput() {
    return new StructuredLog(System.out::println, Clock.systemUTC());
  }

  /** An event that went as planned. */
  public void info(String event, Map<String, ?> fields) {
    write("INFO", event, fields);
  }

  /** An event that needs no action now but should be looked at (for example an idempotency key reused). */
  public void warn(String event, Map<String, ?> fields) {
    write("WARN", event, fields);
  }

  /** An event that failed; the fields say which item and why. */
  public void error(String event, Map<String, ?> fields) {
    write("ERROR", event, fields);
  }

  /** Log fields in the given order from name, value pairs; null values are kept so a line's shape is stable. */
  public static Map<String, Object> fields(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in name, value pairs");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private void write(String level, String event, Map<String, ?> fields) {
    ObjectNode line = mapper.createObjectNode();
    line.put("ts", clock.instant().toString());
    line.put("level", level);
    line.put("event", event);
    fields.forEach((name, value) -> line.set(name, mapper.valueToTree(value)));
    try {
      sink.accept(mapper.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write log line for " + event, e);
    }
  }
}
