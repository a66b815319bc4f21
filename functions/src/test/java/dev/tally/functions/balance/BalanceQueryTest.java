package dev.tally.functions.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.Json;
import dev.tally.functions.common.Renewal;
import dev.tally.functions.support.ApiRequests;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.RenewalTables;
import dev.tally.functions.worker.BalanceLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalPeersExtension.class)
@DisplayName("Balance API: GET /balance/{customerId}")
class BalanceQueryTest {
  private static final Instant CREDITED = Instant.parse("2026-11-30T00:00:02Z");

  private final ObjectMapper json = Json.newMapper();
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final CapturedLog log = new CapturedLog();
  private final BalanceQuery query;

  BalanceQueryTest(LocalPeers peers) {
    dynamoDb = peers.dynamoDb();
    table = RenewalTables.create(dynamoDb, "balance");
    query = new BalanceQuery(dynamoDb, table, log.log());
  }

  @Test
  @DisplayName("answers 200 with the balance (two decimals), active plan and last update of a credited customer")
  void known() throws Exception {
    BalanceLedger ledger = BalanceLedger.withDefaultRetries(dynamoDb, table, log.log(),
        Clock.fixed(CREDITED, ZoneOffset.UTC));
    ledger.credit(new Renewal(UUID.randomUUID().toString(), "CUST-10042", "FIBER-100", new BigDecimal("20.00"),
        CREDITED));
    ledger.credit(new Renewal(UUID.randomUUID().toString(), "CUST-10042", "FIBER-500", new BigDecimal("5.50"),
        CREDITED));

    APIGatewayProxyResponseEvent response = query.lookUp(ApiRequests.getBalance("CUST-10042"), "req-1");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
    assertThat(response.getBody()).isEqualTo("{\"customerId\":\"CUST-10042\",\"balance\":25.50,"
        + "\"activePlan\":\"FIBER-500\",\"updatedAt\":\"2026-11-30T00:00:02Z\"}");
  }

  @Test
  @DisplayName("answers 404 with a JSON error for a customer with no credited renewal")
  void unknown() throws Exception {
    APIGatewayProxyResponseEvent response = query.lookUp(ApiRequests.getBalance("CUST-NOBODY"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("error").asText()).isEqualTo("not_found");
    assertThat(body.get("field").asText()).isEqualTo("customerId");
    assertThat(body.get("message").asText()).contains("CUST-NOBODY");
  }

  @ParameterizedTest(name = "customerId \"{0}\"")
  @NullSource
  @ValueSource(strings = {"", "ab", "CUST#1", "has space", "-leading-dash", "é-accented"})
  @DisplayName("answers 400 naming the customerId for an id that cannot exist")
  void invalid(String customerId) throws Exception {
    APIGatewayProxyResponseEvent response = query.lookUp(ApiRequests.getBalance(customerId), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("error").asText()).isEqualTo("invalid_field");
    assertThat(body.get("field").asText()).isEqualTo("customerId");
    assertThat(body.get("message").asText()).contains("3-64 characters");
  }

  @Test
  @DisplayName("answers 503 when the table cannot be read, and logs why")
  void tableMissing() throws Exception {
    BalanceQuery broken = new BalanceQuery(dynamoDb, "no-such-table", log.log());

    APIGatewayProxyResponseEvent response = broken.lookUp(ApiRequests.getBalance("CUST-10042"), null);

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(json.readTree(response.getBody()).get("error").asText()).isEqualTo("unavailable");
    assertThat(log.linesFor("balance.read_failed")).singleElement().asString().contains("ResourceNotFound");
  }
}
