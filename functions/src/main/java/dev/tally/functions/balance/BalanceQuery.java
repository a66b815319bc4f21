package dev.tally.functions.balance;

import static dev.tally.functions.common.StructuredLog.fields;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tally.functions.common.ApiError;
import dev.tally.functions.common.ApiResponses;
import dev.tally.functions.common.RenewalRules;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.common.StructuredLog;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Answers {@code GET /balance/{customerId}} from the customer's balance item: 200 with
 * {@code {customerId, balance, activePlan, updatedAt}}, 404 for a customer with no credited renewal yet, 400 for an
 * id that cannot exist. Reads are eventually consistent (half the read cost); the SMS that prompts a customer to
 * look is sent from the stream, after the write, so the balance they see already includes it.
 */
public final class BalanceQuery {
  static final String PATH_PARAMETER = "customerId";

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final StructuredLog log;
  private final ApiResponses responses = new ApiResponses();

  /**
   * @param dynamoDb client for the renewal table
   * @param tableName the single table (see {@link RenewalTable})
   * @param log structured event log
   */
  public BalanceQuery(DynamoDbClient dynamoDb, String tableName, StructuredLog log) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.log = log;
  }

  /** Handles one API Gateway proxy request; never throws for bad input. */
  public APIGatewayProxyResponseEvent lookUp(APIGatewayProxyRequestEvent event, String requestId) {
    String customerId = event.getPathParameters() == null ? null : event.getPathParameters().get(PATH_PARAMETER);
    Optional<String> problem = RenewalRules.customerIdProblem(customerId);
    if (problem.isPresent()) {
      log.info("balance.rejected", fields("requestId", requestId, "field", PATH_PARAMETER));
      return responses.error(400, new ApiError("invalid_field", problem.get(), PATH_PARAMETER));
    }
    Map<String, AttributeValue> item;
    try {
      item = dynamoDb.getItem(GetItemRequest.builder()
          .tableName(tableName)
          .key(RenewalTable.balanceKey(customerId))
          .projectionExpression("#balance, #plan, #updatedAt")
          .expressionAttributeNames(Map.of("#balance", RenewalTable.BALANCE, "#plan", RenewalTable.ACTIVE_PLAN,
              "#updatedAt", RenewalTable.UPDATED_AT))
          .build()).item();
    } catch (SdkException e) {
      log.error("balance.read_failed", fields("requestId", requestId, "customerId", customerId,
          "exception", e.getClass().getSimpleName(), "reason", e.getMessage()));
      return responses.error(503, new ApiError("unavailable",
          "The balance could not be read just now; retry in a few seconds.", null));
    }
    if (item == null || item.isEmpty()) {
      log.info("balance.not_found", fields("requestId", requestId, "customerId", customerId));
      return responses.error(404, new ApiError("not_found",
          "No balance for customer " + customerId + ": the customer has no credited renewal yet.", PATH_PARAMETER));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerId", customerId);
    body.put("balance", new BigDecimal(item.get(RenewalTable.BALANCE).n()).setScale(2));
    body.put("activePlan", text(item, RenewalTable.ACTIVE_PLAN));
    body.put("updatedAt", text(item, RenewalTable.UPDATED_AT));
    log.info("balance.read", fields("requestId", requestId, "customerId", customerId));
    return responses.json(200, body);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
