package dev.tally.functions.common;

import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * A SnapStart runtime hook: before Lambda takes the snapshot of an initialised function, it runs the handler's
 * request path once on a built-in sample (parsing, validation, JSON, building the SDK request), so the classes a
 * first request loads and the code it runs are already in the snapshot instead of being paid for by the first
 * request after each restore. The priming never sends anything: no request leaves the process, nothing is logged.
 *
 * <p>Outside a CRaC-enabled runtime (tests, local runs, a function without SnapStart) {@code org.crac} is a no-op
 * facade: the hook is registered and never called.
 */
public final class SnapStartPriming implements Resource {
  private final Runnable prime;
  private final AtomicInteger runs = new AtomicInteger();

  private SnapStartPriming(Runnable prime) {
    this.prime = prime;
  }

  /**
   * Registers {@code prime} to run before the checkpoint. Keep the returned object in a field: the CRaC context
   * holds its resources weakly.
   */
  public static SnapStartPriming register(Runnable prime) {
    SnapStartPriming priming = new SnapStartPriming(prime);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime.run();
    runs.incrementAndGet();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: the SDK clients open connections lazily and read credentials from the restored sandbox.
  }

  /** How many times the priming ran (once per checkpoint on Lambda; tests call the hook directly). */
  public int runs() {
    return runs.get();
  }
}
