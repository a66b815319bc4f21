package dev.tally.functions.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.tally.functions.common.AwsClients;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.SnapStartPriming;
import dev.tally.functions.common.StructuredLog;

/**
 * Lambda entry point {@code dev.tally.functions.notifier.NotifierHandler::handleRequest} for the table's stream
 * (view {@code NEW_AND_OLD_IMAGES}, {@code ReportBatchItemFailures}). Needs {@code TOPIC_ARN} and
 * {@code sns:Publish} on that topic.
 */
public final class NotifierHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final RenewalNotifier notifier;
  /** Held so the CRaC context (which keeps resources weakly) keeps the hook; null for test wiring. */
  private final SnapStartPriming priming;

  /** Called by the Lambda runtime once per container: the SNS client is built here and reused. */
  public NotifierHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the handler from the given environment, as the runtime would. */
  public NotifierHandler(LambdaEnvironment environment) {
    this.notifier = wire(environment.require(LambdaEnvironment.TOPIC_ARN,
        "the ARN of the renewal notification SNS topic"));
    this.priming = SnapStartPriming.register(notifier::prime);
  }

  /** Uses an already-wired notifier (tests). */
  public NotifierHandler(RenewalNotifier notifier) {
    this.notifier = notifier;
    this.priming = null;
  }

  /** The SnapStart priming hook of the runtime wiring, or null for an already-wired notifier. */
  public SnapStartPriming snapStartPriming() {
    return priming;
  }

  // Settings are read before any client is built, so a missing variable is reported as itself.
  private static RenewalNotifier wire(String topicArn) {
    return new RenewalNotifier(AwsClients.sns(), topicArn, StructuredLog.toStandardOutput());
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return notifier.announce(event);
  }
}
