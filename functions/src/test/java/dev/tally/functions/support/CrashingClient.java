package dev.tally.functions.support;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB client on moto that stops the way a crashed function stops: at the first request of a given
 * operation it throws before anything is sent, so the writes before it are in the table and the ones after it are
 * not. The code under test is unchanged; only where the process "dies" is chosen.
 */
public final class CrashingClient {
  private CrashingClient() {}

  /** Dies at the first {@code PutItem}: after the worker's balance write, before its renewal record. */
  public static DynamoDbClient beforePutItem(LocalPeers peers) {
    return DynamoDbClient.builder().endpointOverride(peers.dynamoDbEndpoint()).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.addExecutionInterceptor(new DieAt("PutItem")))
        .build();
  }

  /** The simulated crash. The crediter reports the message as failed, so it comes back as after a real crash. */
  public static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String operation) {
      super("simulated crash before " + operation);
    }
  }

  private static final class DieAt implements ExecutionInterceptor {
    private final String operation;

    DieAt(String operation) {
      this.operation = operation;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
        throw new Crash(operation);
      }
    }
  }
}
