package dev.tally.functions.support;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ on free loopback ports, started once per test JVM (the JUnit root store closes them
 * when the run ends) and shared by every test class, each of which uses its own table and queue names.
 */
public final class LocalPeers implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  /** Region the local peers and clients agree on. */
  public static final Region REGION = Region.US_EAST_1;
  /** Dummy credentials: the peers accept any. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private final DynamoDBProxyServer dynamoDbServer;
  private final SQSRestServer sqsServer;
  private final URI dynamoDbEndpoint;
  private final URI sqsEndpoint;

  /** Starts both peers; {@link #close()} stops them. Tests get the shared instance from {@link LocalPeersExtension}. */
  public LocalPeers() throws Exception {
    int dynamoDbPort = freePort();
    dynamoDbServer = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-port", Integer.toString(dynamoDbPort)});
    dynamoDbServer.start();
    dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoDbPort);
    sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();
    sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
  }

  /** Where DynamoDB Local listens. */
  public URI dynamoDbEndpoint() {
    return dynamoDbEndpoint;
  }

  /** Where ElasticMQ listens. */
  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  /** A real DynamoDB client pointed at DynamoDB Local. */
  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(REGION)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** A real DynamoDB Streams client pointed at DynamoDB Local. */
  public DynamoDbStreamsClient dynamoDbStreams() {
    return DynamoDbStreamsClient.builder().endpointOverride(dynamoDbEndpoint).region(REGION)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** A real SQS client pointed at ElasticMQ. */
  public SqsClient sqs() {
    return SqsClient.builder().endpointOverride(sqsEndpoint).region(REGION)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    try {
      sqsServer.stopAndWait();
    } finally {
      try {
        dynamoDbServer.stop();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop DynamoDB Local", e);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
