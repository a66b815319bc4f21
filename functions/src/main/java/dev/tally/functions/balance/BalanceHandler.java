package dev.tally.functions.balance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tally.functions.common.AwsClients;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.StructuredLog;

/**
 * Lambda entry point {@code dev.tally.functions.balance.BalanceHandler::handleRequest} behind
 * {@code GET /balance/{customerId}} (API Gateway REST, proxy integration). Needs {@code TABLE_NAME} and
 * {@code dynamodb:GetItem} on that table.
 */
public final class BalanceHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final BalanceQuery query;

  /** Called by the Lambda runtime once per container: the DynamoDB client is built here and reused. */
  public BalanceHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the handler from the given environment, as the runtime would. */
  public BalanceHandler(LambdaEnvironment environment) {
    this(wire(environment.require(LambdaEnvironment.TABLE_NAME, "the name of the renewal DynamoDB table")));
  }

  /** Uses an already-wired query (tests). */
  public BalanceHandler(BalanceQuery query) {
    this.query = query;
  }

  // Settings are read before any client is built, so a missing variable is reported as itself.
  private static BalanceQuery wire(String tableName) {
    return new BalanceQuery(AwsClients.dynamoDb(), tableName, StructuredLog.toStandardOutput());
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return query.lookUp(event, context == null ? null : context.getAwsRequestId());
  }
}
