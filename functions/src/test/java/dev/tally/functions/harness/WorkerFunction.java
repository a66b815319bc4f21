package dev.tally.functions.harness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** The worker as the SQS event source invokes it: one batch, one invocation context, partial batch failures back. */
@FunctionalInterface
public interface WorkerFunction {
  /** One invocation; throwing anything is the function failing as a whole (nothing of the batch is deleted). */
  SQSBatchResponse invoke(SQSEvent batch, Context context);
}
