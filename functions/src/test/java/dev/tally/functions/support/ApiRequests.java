package dev.tally.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/** API Gateway REST proxy events shaped as API Gateway sends them. */
public final class ApiRequests {
  private ApiRequests() {}

  /** {@code POST /renewals} with the given headers and body. */
  public static APIGatewayProxyRequestEvent postRenewal(Map<String, String> headers, String body) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("POST")
        .withResource("/renewals")
        .withPath("/renewals")
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false);
  }

  /** {@code POST /renewals} with an {@code Idempotency-Key} header. */
  public static APIGatewayProxyRequestEvent postRenewal(String idempotencyKey, String body) {
    return postRenewal(Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey), body);
  }

  /** {@code GET /balance/{customerId}}; a null id leaves the path parameters out. */
  public static APIGatewayProxyRequestEvent getBalance(String customerId) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("GET")
        .withResource("/balance/{customerId}")
        .withPath("/balance/" + customerId)
        .withPathParameters(customerId == null ? null : Map.of("customerId", customerId));
  }
}
