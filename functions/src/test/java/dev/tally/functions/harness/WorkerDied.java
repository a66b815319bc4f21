package dev.tally.functions.harness;

/**
 * A worker invocation that stopped without answering (killed, out of memory, timed out). An {@link Error}, not an
 * exception, so no handler code catches it the way it catches a failing request: the event source sees the whole
 * invocation fail and deletes nothing of the batch.
 */
public final class WorkerDied extends Error {
  private static final long serialVersionUID = 1L;

  /** @param committed how many messages of the batch were credited before the worker died */
  public WorkerDied(int committed) {
    super("simulated worker death after " + committed + " messages of the batch were credited");
  }
}
