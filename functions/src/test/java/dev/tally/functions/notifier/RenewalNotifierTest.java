package dev.tally.functions.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.tally.functions.notifier.CreditedRenewalFilterTest.balance;
import static dev.tally.functions.notifier.CreditedRenewalFilterTest.renewal;
import static dev.tally.functions.support.StreamEvents.record;
import static dev.tally.functions.support.StreamEvents.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tally.functions.support.CapturedLog;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.LocalPeersExtension;
import dev.tally.functions.support.StreamEvents;
import dev.tally.functions.support.TopicInbox;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notifier's publishing: to moto's SNS, read back from a subscribed moto SQS queue, and (for the refusal moto
 * cannot produce on demand for one message of a batch) against WireMock answering in SNS's genuine awsQuery XML.
 */
@ExtendWith(LocalPeersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Notifier: publishing credited renewals to SNS")
class RenewalNotifierTest {
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:renewal-credited";
  static final String PUBLISH_RESPONSE = """
      <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
        <PublishResult>
          <MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId>
        </PublishResult>
        <ResponseMetadata>
          <RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId>
        </ResponseMetadata>
      </PublishResponse>
      """;
  private static final String AUTHORIZATION_ERROR = """
      <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
        <Error>
          <Type>Sender</Type>
          <Code>AuthorizationError</Code>
          <Message>User is not authorized to perform: SNS:Publish on resource: renewal-credited</Message>
        </Error>
        <RequestId>9a7c0e55-2f5b-5d8e-8a3b-0f1e2d3c4b5a</RequestId>
      </ErrorResponse>
      """;

  private final WireMockServer sns = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private CapturedLog log;
  private RenewalNotifier notifier;
  private TopicInbox inbox;
  private RenewalNotifier onMoto;

  @BeforeAll
  void start(LocalPeers peers) {
    sns.start();
    inbox = TopicInbox.create(peers, "notifier");
  }

  @AfterAll
  void stop() {
    sns.stop();
    inbox.close();
  }

  @BeforeEach
  void reset() {
    log = new CapturedLog();
    notifier = new RenewalNotifier(snsClient(sns), TOPIC_ARN, log.log());
    onMoto = new RenewalNotifier(inbox.sns(), inbox.topicArn(), log.log());
    inbox.take();
    sns.resetAll();
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(PUBLISH_RESPONSE)));
  }

  static SnsClient snsClient(WireMockServer server) {
    return SnsClient.builder().endpointOverride(URI.create(server.baseUrl())).region(LocalPeers.REGION)
        .credentialsProvider(LocalPeers.CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Test
  @DisplayName("publishes one SMS-safe message per credited renewal to the topic, with routing attributes")
  void publishes() {
    StreamsEventResponse response = onMoto.announce(StreamEvents.batch(List.of(
        record("INSERT", "200", null, renewal("CREDITED")))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(inbox.take()).singleElement().satisfies(sms -> {
      assertThat(sms.topicArn()).isEqualTo(inbox.topicArn());
      assertThat(sms.message()).isEqualTo("Tally: FIBER-100 renewed, 25.00 credited to your account. Ref c7d1c152");
      assertThat(sms.attributes()).containsEntry("customerId", "CUST-10042")
          .containsEntry("renewalId", "c7d1c152-120d-53ae-b317-17e3334a5840")
          .containsEntry("eventType", "renewal.credited")
          .containsEntry("AWS.SNS.SMS.SMSType", "Transactional");
    });
    assertThat(log.linesFor("renewal.notified")).singleElement().asString().contains("\"snsMessageId\":\"");
  }

  @Test
  @DisplayName("publishes nothing for balance updates, re-writes of credited renewals and REMOVE")
  void ignoresOtherChanges() {
    StreamsEventResponse response = onMoto.announce(StreamEvents.batch(List.of(
        record("MODIFY", "300", balance("25"), balance("50")),
        record("MODIFY", "301", renewal("CREDITED"), renewal("CREDITED")),
        record("REMOVE", "302", renewal("CREDITED"), null))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(inbox.take()).isEmpty();
  }

  @Test
  @DisplayName("reports the first record SNS refuses by sequence number and leaves later records for the retry")
  void reportsFailure() {
    Map<String, AttributeValue> second = renewal("CREDITED");
    second.put("customerId", s("CUST-REFUSED"));
    sns.stubFor(post(urlEqualTo("/")).withRequestBody(containing("CUST-REFUSED")).atPriority(1)
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
            .withBody(AUTHORIZATION_ERROR)));

    StreamsEventResponse response = notifier.announce(StreamEvents.batch(List.of(
        record("INSERT", "400", null, renewal("CREDITED")),
        record("INSERT", "401", null, second),
        record("INSERT", "402", null, renewal("CREDITED")))));

    assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("401");
    assertThat(sns.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
    assertThat(log.linesFor("renewal.notify_failed")).singleElement().asString()
        .contains("AuthorizationError", "\"sequenceNumber\":\"401\"");
  }

  @Test
  @DisplayName("reports a credited renewal record it cannot read (no amount) instead of dropping it")
  void reportsUnreadableRecord() {
    Map<String, AttributeValue> broken = renewal("CREDITED");
    broken.remove("amount");

    StreamsEventResponse response = notifier.announce(StreamEvents.batch(List.of(
        record("INSERT", "500", null, broken))));

    assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("500");
  }
}
