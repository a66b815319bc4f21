package dev.tally.functions.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The SQS message body format of a {@link Renewal}:
 * {@code {"renewalId":"…","customerId":"…","planId":"…","amount":"25.00","acceptedAt":"2026-11-30T00:00:01Z"}}.
 * The amount travels as a string so no consumer reads it through a binary double.
 */
public final class RenewalMessageCodec {
  /** SQS message attribute carrying the renewal id, for tracing and filtering without parsing the body. */
  public static final String RENEWAL_ID_ATTRIBUTE = "renewalId";

  private final ObjectMapper mapper = Json.newMapper();

  /** The message body for {@code renewal}. */
  public String encode(Renewal renewal) {
    ObjectNode body = mapper.createObjectNode()
        .put("renewalId", renewal.renewalId())
        .put("customerId", renewal.customerId())
        .put("planId", renewal.planId())
        .put("amount", renewal.amount().toPlainString())
        .put("acceptedAt", renewal.acceptedAt().toString());
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not encode renewal " + renewal.renewalId(), e);
    }
  }

  /**
   * Reads and re-validates a message body.
   *
   * @throws MalformedRenewalException naming the first field that is missing or invalid
   */
  public Renewal decode(String body) {
    JsonNode node;
    try {
      node = mapper.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new MalformedRenewalException("body is not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedRenewalException("body is not a JSON object");
    }
    String renewalId = text(node, "renewalId");
    try {
      UUID.fromString(renewalId);
    } catch (IllegalArgumentException e) {
      throw new MalformedRenewalException("renewalId is not a UUID: " + e.getMessage());
    }
    String customerId = text(node, "customerId");
    RenewalRules.customerIdProblem(customerId).ifPresent(problem -> {
      throw new MalformedRenewalException(problem);
    });
    String planId = text(node, "planId");
    RenewalRules.planIdProblem(planId).ifPresent(problem -> {
      throw new MalformedRenewalException(problem);
    });
    BigDecimal amount;
    try {
      amount = new BigDecimal(text(node, "amount"));
    } catch (NumberFormatException e) {
      throw new MalformedRenewalException("amount is not a decimal number");
    }
    RenewalRules.amountProblem(amount).ifPresent(problem -> {
      throw new MalformedRenewalException(problem);
    });
    Instant acceptedAt;
    try {
      acceptedAt = Instant.parse(text(node, "acceptedAt"));
    } catch (DateTimeParseException e) {
      throw new MalformedRenewalException("acceptedAt is not an ISO-8601 instant");
    }
    return new Renewal(renewalId, customerId, planId, amount.setScale(2), acceptedAt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new MalformedRenewalException(field + " is missing or not a string");
    }
    return value.asText();
  }
}
