package dev.tally.functions.harness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the worker's successful table writes per wall-clock second, from the client's side: the observed write rate
 * the drain puts on the table, to compare with what the event source's concurrency allows.
 */
final class WriteMeter implements ExecutionInterceptor {
  private static final Set<String> WRITES = Set.of("UpdateItem", "PutItem");
  private final ConcurrentHashMap<Long, AtomicLong> perSecond = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && context.httpResponse().isSuccessful()) {
      perSecond.computeIfAbsent(System.currentTimeMillis() / 1000, second -> new AtomicLong()).incrementAndGet();
      total.incrementAndGet();
    }
  }

  /** The most successful writes seen in one wall-clock second. */
  long peakPerSecond() {
    return perSecond.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
  }

  long total() {
    return total.get();
  }
}
