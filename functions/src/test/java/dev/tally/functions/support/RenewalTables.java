package dev.tally.functions.support;

import dev.tally.functions.common.RenewalTable;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Creates the renewal table the way the RenewalPipeline construct declares it: pk/sk strings, stream with both images. */
public final class RenewalTables {
  private RenewalTables() {}

  /** A fresh table with a unique name; returns the name. */
  public static String create(DynamoDbClient dynamoDb, String prefix) {
    String name = prefix + "-" + UUID.randomUUID();
    dynamoDb.createTable(request -> request
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName(RenewalTable.PK).attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName(RenewalTable.SK).attributeType(ScalarAttributeType.S).build())
        .keySchema(
            KeySchemaElement.builder().attributeName(RenewalTable.PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(RenewalTable.SK).keyType(KeyType.RANGE).build())
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    return name;
  }

  /** The customer's balance item, or an empty map. */
  public static Map<String, AttributeValue> balanceItem(DynamoDbClient dynamoDb, String table, String customerId) {
    return dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(RenewalTable.balanceKey(customerId))).item();
  }

  /** The number of renewal items stored for a customer. */
  public static int renewalCount(DynamoDbClient dynamoDb, String table, String customerId) {
    return dynamoDb.query(request -> request.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(
            ":pk", AttributeValue.fromS(RenewalTable.customerPk(customerId)),
            ":prefix", AttributeValue.fromS(RenewalTable.RENEWAL_SK_PREFIX)))).count();
  }
}
