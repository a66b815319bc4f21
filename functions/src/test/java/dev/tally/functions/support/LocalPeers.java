package dev.tally.functions.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The open-source local peers every handler test, benchmark and pipeline harness runs against, on free loopback
 * ports:
 *
 * <ul>
 *   <li><b>moto</b> ({@link MotoServer}, one child process): DynamoDB, DynamoDB Streams, SNS, and the SQS queues
 *       subscribed to SNS topics (moto delivers a publish to them), plus S3 and any other service moto serves
 *       through {@link #motoClient};
 *   <li><b>ElasticMQ</b> (in this JVM): the renewal queue the ingest function sends to and the worker drains, whose
 *       receive, visibility-timeout, batch-failure and redrive behaviour is what ElasticMQ exists to reproduce.
 * </ul>
 *
 * Tests get the one instance of a JVM from {@link LocalPeersExtension} (the JUnit root store closes it when the run
 * ends) and isolate themselves by table, queue, topic and bucket names. Anything else (a benchmark's main method)
 * calls {@link #start()} and closes it. All clients use loopback, the URL-connection HTTP client, region
 * {@link #REGION} and dummy {@link #CREDENTIALS}; nothing can reach AWS.
 */
public final class LocalPeers implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  /** Region the local peers and clients agree on. */
  public static final Region REGION = Region.US_EAST_1;
  /** Dummy credentials: the peers accept any. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  /** The account moto puts in every ARN it returns. */
  public static final String MOTO_ACCOUNT = "123456789012";

  private final MotoServer moto;
  private final SQSRestServer elasticMq;
  private final URI elasticMqEndpoint;

  private LocalPeers(MotoServer moto, SQSRestServer elasticMq, URI elasticMqEndpoint) {
    this.moto = moto;
    this.elasticMq = elasticMq;
    this.elasticMqEndpoint = elasticMqEndpoint;
  }

  /**
   * Starts moto (its log in {@code <build directory>/local-peers/}) and ElasticMQ; {@link #close()} stops both.
   *
   * @throws LocalPeerUnavailableException when Python 3 or moto is missing (the message names the install command)
   */
  public static LocalPeers start() {
    MotoServer moto = MotoServer.start(buildDirectory().resolve("local-peers"));
    try {
      SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
      int port = elasticMq.waitUntilStarted().localAddress().getPort();
      return new LocalPeers(moto, elasticMq, URI.create("http://127.0.0.1:" + port));
    } catch (RuntimeException e) {
      moto.close();
      throw e;
    }
  }

  /** Where moto listens: the endpoint of every service it serves. */
  public URI motoEndpoint() {
    return moto.endpoint();
  }

  /** {@code moto <version>} of the running server. */
  public String motoVersion() {
    return moto.version();
  }

  /** moto's log file, to read when a request fails inside moto. */
  public Path motoLog() {
    return moto.log();
  }

  /** Where DynamoDB (moto) listens. */
  public URI dynamoDbEndpoint() {
    return moto.endpoint();
  }

  /** Where the renewal queue's SQS (ElasticMQ) listens. */
  public URI sqsEndpoint() {
    return elasticMqEndpoint;
  }

  /** A real DynamoDB client pointed at moto. */
  public DynamoDbClient dynamoDb() {
    return motoClient(DynamoDbClient.builder());
  }

  /** A real DynamoDB Streams client pointed at moto. */
  public DynamoDbStreamsClient dynamoDbStreams() {
    return motoClient(DynamoDbStreamsClient.builder());
  }

  /** A real SNS client pointed at moto. */
  public SnsClient sns() {
    return motoClient(SnsClient.builder());
  }

  /** A real SQS client pointed at moto: for queues subscribed to a moto SNS topic, to read what was published. */
  public SqsClient motoSqs() {
    return motoClient(SqsClient.builder());
  }

  /** A real SQS client pointed at ElasticMQ: the renewal queue and its dead-letter queue. */
  public SqsClient sqs() {
    return client(SqsClient.builder(), elasticMqEndpoint);
  }

  /**
   * Any SDK client builder pointed at moto, for services without a method here; for S3 pass
   * {@code S3Client.builder().forcePathStyle(true)} (moto serves buckets by path on a loopback address).
   */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C motoClient(B builder) {
    return client(builder, moto.endpoint());
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder,
      URI endpoint) {
    return builder.endpointOverride(endpoint).region(REGION).credentialsProvider(CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    try {
      elasticMq.stopAndWait();
    } finally {
      moto.close();
    }
  }

  /** {@code target/} (or {@code -Dtally.target}'s folder) of the module whose test classes are running. */
  static Path buildDirectory() {
    try {
      // .../<build directory>/test-classes (or the classes folder holding this class in another module's run)
      return Path.of(LocalPeers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the build directory from " + LocalPeers.class, e);
    }
  }
}
