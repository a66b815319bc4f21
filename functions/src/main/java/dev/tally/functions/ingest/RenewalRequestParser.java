package dev.tally.functions.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.Json;
import dev.tally.functions.common.RenewalRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads {@code POST /renewals}: the {@code Idempotency-Key} header (any letter case) and the JSON body
 * {@code {"customerId":"CUST-10042","planId":"FIBER-100","amount":25.00}}. The first problem found is reported:
 * the header, then the JSON itself, then unknown fields (refused, so a typo such as {@code amout} is not silently
 * ignored), then customerId, planId and amount in that order.
 */
final class RenewalRequestParser {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final Set<String> KNOWN_FIELDS = Set.of("customerId", "planId", "amount");
  private static final Map<String, String> EXAMPLES = Map.of("customerId", "CUST-10042", "planId", "FIBER-100");
  /** API Gateway allows 10 MB; a renewal is under 200 bytes, so anything past this is refused before parsing. */
  private static final int MAX_BODY_CHARS = 4096;

  private final ObjectMapper mapper = Json.newMapper();

  /** A validated request: what the renewal id is derived from and what is queued. */
  record ParsedRequest(String idempotencyKey, String customerId, String planId, BigDecimal amount) {}

  ParsedRequest parse(APIGatewayProxyRequestEvent event) {
    String key = idempotencyKey(event);
    JsonNode body = body(event);
    // Unknown fields first: a typo such as "amout" is then reported as itself, not as a missing amount.
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KNOWN_FIELDS.contains(name)) {
        throw new InvalidRequestException("unknown_field",
            "Unknown field \"" + name + "\": the body takes only customerId, planId and amount.", name);
      }
    }
    String customerId = requiredText(body, "customerId");
    RenewalRules.customerIdProblem(customerId).ifPresent(problem -> {
      throw new InvalidRequestException("invalid_field", problem, "customerId");
    });
    String planId = requiredText(body, "planId");
    RenewalRules.planIdProblem(planId).ifPresent(problem -> {
      throw new InvalidRequestException("invalid_field", problem, "planId");
    });
    BigDecimal amount = amount(body);
    return new ParsedRequest(key, customerId, planId, amount.setScale(2));
  }

  private static String idempotencyKey(APIGatewayProxyRequestEvent event) {
    List<String> values = headerValues(event).get(IDEMPOTENCY_HEADER);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      throw new InvalidRequestException("missing_header",
          "The Idempotency-Key header is required: send a unique value (a UUID) per renewal and reuse it when"
              + " retrying that renewal.", IDEMPOTENCY_HEADER);
    }
    long distinct = values.stream().distinct().count();
    if (distinct > 1) {
      throw new InvalidRequestException("invalid_header",
          "Send exactly one Idempotency-Key header (got " + distinct + " different values).", IDEMPOTENCY_HEADER);
    }
    String key = values.get(0);
    if (!RenewalRules.IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new InvalidRequestException("invalid_header",
          "The Idempotency-Key header must be 1-128 visible ASCII characters without spaces (a UUID is ideal).",
          IDEMPOTENCY_HEADER);
    }
    return key;
  }

  /** HTTP header names are case-insensitive; API Gateway passes them as the client sent them. */
  private static Map<String, List<String>> headerValues(APIGatewayProxyRequestEvent event) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getMultiValueHeaders() != null) {
      event.getMultiValueHeaders().forEach((name, values) -> {
        if (values != null) {
          headers.merge(name, values, RenewalRequestParser::concat);
        }
      });
    }
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> headers.putIfAbsent(name, List.of(value == null ? "" : value)));
    }
    return headers;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private JsonNode body(APIGatewayProxyRequestEvent event) {
    String raw = event.getBody();
    if (raw != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      try {
        raw = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("malformed_json", "The body is marked base64 but is not valid base64.",
            null);
      }
    }
    if (raw == null || raw.isBlank()) {
      throw new InvalidRequestException("malformed_json",
          "The body is empty: send a JSON object such as {\"customerId\":\"CUST-10042\",\"planId\":\"FIBER-100\","
              + "\"amount\":25.00}.", null);
    }
    if (raw.length() > MAX_BODY_CHARS) {
      throw new InvalidRequestException("malformed_json",
          "The body is " + raw.length() + " characters; a renewal request is at most " + MAX_BODY_CHARS + ".", null);
    }
    JsonNode node;
    try {
      node = mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("malformed_json",
          "The body is not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr() + ").", null);
    }
    if (!node.isObject()) {
      throw new InvalidRequestException("malformed_json",
          "The body must be a JSON object with customerId, planId and amount.", null);
    }
    return node;
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRequestException("missing_field", field + " is required (for example \"" + EXAMPLES.get(field)
          + "\").", field);
    }
    if (!value.isTextual()) {
      throw new InvalidRequestException("invalid_field", field + " must be a string.", field);
    }
    return value.asText();
  }

  /** A JSON number ({@code 25.00}) or a numeric string ({@code "25.00"}); never through a double. */
  private static BigDecimal amount(JsonNode body) {
    JsonNode value = body.get("amount");
    if (value == null || value.isNull()) {
      throw new InvalidRequestException("missing_field", "amount is required (a decimal such as 25.00).", "amount");
    }
    BigDecimal amount;
    if (value.isNumber()) {
      amount = value.decimalValue();
    } else if (value.isTextual() && value.asText().matches("\\d{1,9}(\\.\\d+)?")) {
      amount = new BigDecimal(value.asText());
    } else {
      throw new InvalidRequestException("invalid_field",
          "amount must be a decimal number such as 25.00 (a JSON number or a string of digits).", "amount");
    }
    RenewalRules.amountProblem(amount).ifPresent(problem -> {
      throw new InvalidRequestException("invalid_field", problem, "amount");
    });
    return amount;
  }
}
