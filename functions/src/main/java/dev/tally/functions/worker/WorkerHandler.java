package dev.tally.functions.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tally.functions.common.AwsClients;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.SnapStartPriming;
import dev.tally.functions.common.StructuredLog;
import java.time.Clock;
import java.time.Duration;

/**
 * Lambda entry point {@code dev.tally.functions.worker.WorkerHandler::handleRequest} for the renewal queue's event
 * source mapping (with {@code ReportBatchItemFailures}). Needs {@code TABLE_NAME} and {@code dynamodb:GetItem},
 * {@code dynamodb:UpdateItem} and {@code dynamodb:PutItem} on that table (see {@link BalanceLedger}).
 *
 * <p>Each invocation credits within a {@link TimeBudget} taken from {@code Context.getRemainingTimeInMillis()}, so
 * messages it has no time left for are reported as failures rather than the function timing out on the whole batch.
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final RenewalCrediter crediter;
  private final Clock clock;
  /** Held so the CRaC context (which keeps resources weakly) keeps the hook; null for test wiring. */
  private final SnapStartPriming priming;

  /** Called by the Lambda runtime once per container: the DynamoDB client is built here and reused. */
  public WorkerHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the handler from the given environment, as the runtime would. */
  public WorkerHandler(LambdaEnvironment environment) {
    this(wire(environment), Clock.systemUTC(), true);
  }

  /** Uses an already-wired crediter (tests), with the system clock for the time budget. */
  public WorkerHandler(RenewalCrediter crediter) {
    this(crediter, Clock.systemUTC());
  }

  /** Uses an already-wired crediter and the clock the time budget is read against (tests). */
  public WorkerHandler(RenewalCrediter crediter, Clock clock) {
    this(crediter, clock, false);
  }

  private WorkerHandler(RenewalCrediter crediter, Clock clock, boolean primeForSnapStart) {
    this.crediter = crediter;
    this.clock = clock;
    this.priming = primeForSnapStart ? SnapStartPriming.register(crediter::prime) : null;
  }

  /** The SnapStart priming hook of the runtime wiring, or null for an already-wired crediter. */
  public SnapStartPriming snapStartPriming() {
    return priming;
  }

  private static RenewalCrediter wire(LambdaEnvironment environment) {
    StructuredLog log = StructuredLog.toStandardOutput();
    String table = environment.require(LambdaEnvironment.TABLE_NAME, "the name of the renewal DynamoDB table");
    return new RenewalCrediter(
        BalanceLedger.withDefaultRetries(AwsClients.dynamoDb(), table, log, Clock.systemUTC()), log);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    // No context outside the Lambda runtime (local runs): no deadline to respect.
    TimeBudget budget = context == null ? TimeBudget.unlimited()
        : TimeBudget.ofRemaining(clock, Duration.ofMillis(context.getRemainingTimeInMillis()));
    return crediter.credit(event, budget);
  }
}
