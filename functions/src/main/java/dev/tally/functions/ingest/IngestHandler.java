package dev.tally.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tally.functions.common.AwsClients;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.SnapStartPriming;
import dev.tally.functions.common.StructuredLog;
import java.time.Clock;

/**
 * Lambda entry point {@code dev.tally.functions.ingest.IngestHandler::handleRequest} behind
 * {@code POST /renewals} (API Gateway REST, proxy integration). Needs {@code QUEUE_URL} and
 * {@code sqs:SendMessage} on that queue.
 */
public final class IngestHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final RenewalIntake intake;
  /** Held so the CRaC context (which keeps resources weakly) keeps the hook; null for test wiring. */
  private final SnapStartPriming priming;

  /** Called by the Lambda runtime once per container: the SQS client is built here and reused. */
  public IngestHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the handler from the given environment, as the runtime would. */
  public IngestHandler(LambdaEnvironment environment) {
    this.intake = wire(environment.require(LambdaEnvironment.QUEUE_URL, "the URL of the renewal SQS queue"));
    this.priming = SnapStartPriming.register(intake::prime);
  }

  /** Uses an already-wired intake (tests). */
  public IngestHandler(RenewalIntake intake) {
    this.intake = intake;
    this.priming = null;
  }

  /** The SnapStart priming hook of the runtime wiring, or null for an already-wired intake. */
  public SnapStartPriming snapStartPriming() {
    return priming;
  }

  // Settings are read before any client is built, so a missing variable is reported as itself.
  private static RenewalIntake wire(String queueUrl) {
    return new RenewalIntake(AwsClients.sqs(), queueUrl, StructuredLog.toStandardOutput(), Clock.systemUTC());
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return intake.accept(event, context == null ? null : context.getAwsRequestId());
  }
}
