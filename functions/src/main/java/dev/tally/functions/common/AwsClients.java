package dev.tally.functions.common;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients as the handlers create them once per container. Region, credentials and endpoint come from the SDK's
 * standard settings: on Lambda {@code AWS_REGION} and the execution role; elsewhere {@code AWS_ENDPOINT_URL} (or
 * {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code _SQS} / {@code _SNS}, or the {@code aws.endpointUrl} system property)
 * points the very same code at a local peer.
 */
public final class AwsClients {
  private AwsClients() {}

  /** DynamoDB over the URL-connection HTTP client (smallest package, fastest cold start). */
  public static DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** SQS over the URL-connection HTTP client. */
  public static SqsClient sqs() {
    return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** SNS over the URL-connection HTTP client. */
  public static SnsClient sns() {
    return SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }
}
