package dev.tally.functions.common;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Turns a status and a body object into the API Gateway proxy response, always JSON. */
public final class ApiResponses {
  private final ObjectMapper mapper = Json.newMapper();

  /** A response whose body is {@code body} serialised as JSON; balances and errors are never cached. */
  public APIGatewayProxyResponseEvent json(int status, Object body) {
    try {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(status)
          .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"))
          .withBody(mapper.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise a " + status + " response", e);
    }
  }

  /** A JSON error response. */
  public APIGatewayProxyResponseEvent error(int status, ApiError error) {
    return json(status, error);
  }
}
