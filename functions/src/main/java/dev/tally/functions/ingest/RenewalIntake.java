package dev.tally.functions.ingest;

import static dev.tally.functions.common.StructuredLog.fields;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tally.functions.common.ApiError;
import dev.tally.functions.common.ApiResponses;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.common.RenewalMessageCodec;
import dev.tally.functions.common.StructuredLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Accepts a renewal: validates it, queues it, answers {@code 202 {"renewalId":…,"status":"accepted"}}. Nothing is
 * written to the table here, so the API keeps answering at queue speed while the worker drains at its own pace on
 * the 1st and the 30th.
 */
public final class RenewalIntake {
  private final SqsClient sqs;
  private final String queueUrl;
  private final StructuredLog log;
  private final Clock clock;
  private final RenewalRequestParser parser = new RenewalRequestParser();
  private final RenewalMessageCodec codec = new RenewalMessageCodec();
  private final ApiResponses responses = new ApiResponses();

  /**
   * @param sqs client for the renewal queue
   * @param queueUrl the standard (not FIFO) queue the worker consumes
   * @param log structured event log
   * @param clock stamps {@code acceptedAt}
   */
  public RenewalIntake(SqsClient sqs, String queueUrl, StructuredLog log, Clock clock) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Runs the accept path on a built-in sample up to the point of sending (parse, validate, derive the id, encode the
   * message, build the SendMessage request and the 202 body): what SnapStart priming warms. Sends and logs nothing.
   */
  public void prime() {
    APIGatewayProxyRequestEvent sample = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
        .withPath("/renewals").withHeaders(Map.of("Content-Type", "application/json",
            RenewalRequestParser.IDEMPOTENCY_HEADER, "priming-0b8e6c3e"))
        .withBody("{\"customerId\":\"CUST-10042\",\"planId\":\"FIBER-100\",\"amount\":25.00}");
    RenewalRequestParser.ParsedRequest request = parser.parse(sample);
    String renewalId = RenewalIds.derive(request.customerId(), request.idempotencyKey());
    Renewal renewal = new Renewal(renewalId, request.customerId(), request.planId(), request.amount(),
        clock.instant());
    SendMessageRequest.builder().queueUrl(queueUrl).messageBody(codec.encode(renewal))
        .messageAttributes(Map.of(RenewalMessageCodec.RENEWAL_ID_ATTRIBUTE,
            MessageAttributeValue.builder().dataType("String").stringValue(renewalId).build()))
        .build();
    responses.json(202, Map.of("renewalId", renewalId, "status", "accepted"));
  }

  /** Handles one API Gateway proxy request; never throws for bad input. */
  public APIGatewayProxyResponseEvent accept(APIGatewayProxyRequestEvent event, String requestId) {
    RenewalRequestParser.ParsedRequest request;
    try {
      request = parser.parse(event);
    } catch (InvalidRequestException e) {
      log.info("renewal.rejected", fields("requestId", requestId, "error", e.error().error(),
          "field", e.error().field()));
      return responses.error(400, e.error());
    }
    String renewalId = RenewalIds.derive(request.customerId(), request.idempotencyKey());
    Renewal renewal = new Renewal(renewalId, request.customerId(), request.planId(), request.amount(),
        clock.instant());
    try {
      sqs.sendMessage(SendMessageRequest.builder()
          .queueUrl(queueUrl)
          .messageBody(codec.encode(renewal))
          .messageAttributes(Map.of(RenewalMessageCodec.RENEWAL_ID_ATTRIBUTE,
              MessageAttributeValue.builder().dataType("String").stringValue(renewalId).build()))
          .build());
    } catch (SdkException e) {
      log.error("renewal.enqueue_failed", fields("requestId", requestId, "renewalId", renewalId,
          "customerId", renewal.customerId(), "exception", e.getClass().getSimpleName(), "reason", e.getMessage()));
      return responses.error(503, new ApiError("unavailable",
          "The renewal could not be queued just now; retry with the same Idempotency-Key (it will not be credited"
              + " twice).", null));
    }
    log.info("renewal.accepted", fields("requestId", requestId, "renewalId", renewalId,
        "customerId", renewal.customerId(), "planId", renewal.planId()));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("renewalId", renewalId);
    body.put("status", "accepted");
    return responses.json(202, body);
  }
}
