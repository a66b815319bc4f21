package dev.tally.audit.estimate.pricers;

import static dev.tally.audit.estimate.Priced.line;
import static dev.tally.audit.estimate.Priced.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.estimate.price.ResourceCost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** API Gateway, SQS, DynamoDB, SNS, KMS, Secrets Manager, CloudTrail: one small template each, arithmetic beside it. */
class ServerlessPricersTest {

    private static String one(String type, String properties) {
        return "{\"Resources\": {\"R\": {\"Type\": \"" + type + "\", \"Properties\": " + properties + "}}}";
    }

    private static String usage(String type, String figures) {
        return "name: t\nresources:\n  - {type: " + type + ", match: R, usage: " + figures + "}\n";
    }

    @Test
    @DisplayName("REST API: 2M requests x $3.50/M = $7.00")
    void restApi() {
        assertThat(resource(one("AWS::ApiGateway::RestApi", "{}"),
                usage("AWS::ApiGateway::RestApi", "{requestsPerMonth: 2000000}"), "R").monthlyUsd()).isEqualByComparingTo("7.00");
    }

    @Test
    @DisplayName("HTTP API: 2M requests x $1.00/M = $2.00; a WebSocket API is unpriced, not $0")
    void httpApi() {
        assertThat(resource(one("AWS::ApiGatewayV2::Api", "{\"ProtocolType\": \"HTTP\"}"),
                usage("AWS::ApiGatewayV2::Api", "{requestsPerMonth: 2000000}"), "R").monthlyUsd()).isEqualByComparingTo("2.00");
        ResourceCost ws = resource(one("AWS::ApiGatewayV2::Api", "{\"ProtocolType\": \"WEBSOCKET\"}"),
                usage("AWS::ApiGatewayV2::Api", "{requestsPerMonth: 2000000}"), "R");
        assertThat(ws.status()).isEqualTo(ResourceCost.Status.UNPRICED);
        assertThat(ws.notes().get(0)).contains("WEBSOCKET");
    }

    @Test
    @DisplayName("SQS standard: 1M messages x 3 requests = 3M x $0.40/M = $1.20")
    void sqsStandard() {
        assertThat(resource(one("AWS::SQS::Queue", "{}"), usage("AWS::SQS::Queue", "{messagesPerMonth: 1000000}"), "R")
                .monthlyUsd()).isEqualByComparingTo("1.20");
    }

    @Test
    @DisplayName("SQS FIFO, 100 KB payloads: 2 chunks of 64 KB, 1M x 3 x 2 = 6M x $0.50/M = $3.00")
    void sqsFifoLargePayload() {
        assertThat(resource(one("AWS::SQS::Queue", "{\"FifoQueue\": true}"),
                usage("AWS::SQS::Queue", "{messagesPerMonth: 1000000, averagePayloadKb: 100}"), "R").monthlyUsd())
                .isEqualByComparingTo("3.00");
    }

    @Test
    @DisplayName("DynamoDB on-demand with PITR and a stream")
    void dynamoOnDemand() {
        // writes 2M x $0.625/M = 1.25; reads 4M x $0.125/M = 0.50; storage 10 GB x 0.25 = 2.50; PITR 10 x 0.20 = 2.00;
        // stream reads 1M x $0.20/M = 0.20. Total $6.45.
        ResourceCost table = resource(one("AWS::DynamoDB::Table", """
                {"BillingMode": "PAY_PER_REQUEST", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true},
                 "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}}"""), usage("AWS::DynamoDB::Table",
                "{writeRequestUnitsPerMonth: 2000000, readRequestUnitsPerMonth: 4000000, storageGb: 10, "
                        + "streamReadRequestsPerMonth: 1000000}"), "R");
        assertThat(line(table, "point-in-time")).isEqualByComparingTo("2.00");
        assertThat(table.monthlyUsd()).isEqualByComparingTo("6.45");
    }

    @Test
    @DisplayName("DynamoDB provisioned (the CloudFormation default): capacity units around the clock; no PITR unless enabled")
    void dynamoProvisioned() {
        // 5 WCU x 730 h x $0.00065 = 2.3725; 10 RCU x 730 x $0.00013 = 0.949; storage 1 GB x 0.25. Total $3.57.
        ResourceCost table = resource(one("AWS::DynamoDB::Table",
                "{\"ProvisionedThroughput\": {\"WriteCapacityUnits\": 5, \"ReadCapacityUnits\": 10}}"),
                usage("AWS::DynamoDB::Table", "{storageGb: 1}"), "R");
        assertThat(table.monthlyUsd()).isEqualByComparingTo("3.57");
        assertThat(table.lines()).noneMatch(l -> l.item().startsWith("point-in-time"));
    }

    @Test
    @DisplayName("SNS: publishes, email deliveries and SMS by country")
    void sns() {
        // 1M publishes x $0.50/M = 0.50; 100,000 emails x $2.00/100K = 2.00; 1,000 SMS to US x $0.00883 = 8.83. $11.33.
        ResourceCost topic = resource(one("AWS::SNS::Topic", "{}"), usage("AWS::SNS::Topic",
                "{publishesPerMonth: 1000000, emailDeliveriesPerMonth: 100000, smsByCountry: {US: 1000}}"), "R");
        assertThat(line(topic, "SMS to US")).isEqualByComparingTo("8.83");
        assertThat(topic.monthlyUsd()).isEqualByComparingTo("11.33");
    }

    @Test
    @DisplayName("SNS SMS to a country the price table lacks: the topic is unpriced, naming the missing price")
    void snsUnknownCountry() {
        ResourceCost topic = resource(one("AWS::SNS::Topic", "{}"), usage("AWS::SNS::Topic", "{smsByCountry: {ZZ: 10}}"), "R");
        assertThat(topic.status()).isEqualTo(ResourceCost.Status.UNPRICED);
        assertThat(topic.notes().get(0)).isEqualTo("no SNS price 'sms.ZZ.message' for us-east-1 in the price table of 2026-11-23");
    }

    @Test
    @DisplayName("KMS: $1 a key-month plus 100,000 requests x $0.03/10K = $1.30")
    void kms() {
        assertThat(resource(one("AWS::KMS::Key", "{}"), usage("AWS::KMS::Key", "{requestsPerMonth: 100000}"), "R")
                .monthlyUsd()).isEqualByComparingTo("1.30");
    }

    @Test
    @DisplayName("Secrets Manager: $0.40 a secret plus 50,000 calls x $0.05/10K = $0.65")
    void secret() {
        assertThat(resource(one("AWS::SecretsManager::Secret", "{}"),
                usage("AWS::SecretsManager::Secret", "{apiCallsPerMonth: 50000}"), "R").monthlyUsd()).isEqualByComparingTo("0.65");
    }

    @Test
    @DisplayName("CloudTrail: 1M data events x $0.10/100K = $1.00; management events only cost nothing, with a note")
    void cloudTrail() {
        String dataTrail = one("AWS::CloudTrail::Trail", """
                {"IsLogging": true, "EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}""");
        assertThat(resource(dataTrail, usage("AWS::CloudTrail::Trail", "{dataEventsPerMonth: 1000000}"), "R").monthlyUsd())
                .isEqualByComparingTo("1.00");
        ResourceCost management = resource(one("AWS::CloudTrail::Trail", "{\"IsLogging\": true}"),
                usage("AWS::CloudTrail::Trail", "{dataEventsPerMonth: 1000000}"), "R");
        assertThat(management.monthlyUsd()).isEqualByComparingTo("0");
        assertThat(management.notes()).anyMatch(n -> n.contains("first copy is free") && n.contains("ignored"));
    }
}
