package dev.tally.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.common.AwsClients;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.StructuredLog;
import java.time.Clock;

/**
 * Lambda entry point {@code dev.tally.functions.worker.WorkerHandler::handleRequest} for the renewal queue's event
 * source mapping (with {@code ReportBatchItemFailures}). Needs {@code TABLE_NAME} and {@code dynamodb:PutItem} plus
 * {@code dynamodb:UpdateItem} on that table (IAM authorises a transaction per action it contains).
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final RenewalCrediter crediter;

  /** Called by the Lambda runtime once per container: the DynamoDB client is built here and reused. */
  public WorkerHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the handler from the given environment, as the runtime would. */
  public WorkerHandler(LambdaEnvironment environment) {
    this(wire(environment));
  }

  /** Uses an already-wired crediter (tests). */
  public WorkerHandler(RenewalCrediter crediter) {
    this.crediter = crediter;
  }

  private static RenewalCrediter wire(LambdaEnvironment environment) {
    StructuredLog log = StructuredLog.toStandardOutput();
    String table = environment.require(LambdaEnvironment.TABLE_NAME, "the name of the renewal DynamoDB table");
    return new RenewalCrediter(
        BalanceLedger.withDefaultRetries(AwsClients.dynamoDb(), table, log, Clock.systemUTC()), log);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return crediter.credit(event);
  }
}
