package dev.tally.audit.estimate.resolve;

import static dev.tally.audit.estimate.Priced.estimate;
import static dev.tally.audit.estimate.Priced.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.price.ResourceCost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the resolve stage evaluates, and what it reports instead of guessing. */
class IntrinsicsTest {
    private static final String PROFILE = """
            name: t
            defaults:
              AWS::Lambda::Function: {requestsPerMonth: 1000000, averageDurationMs: 100}
            """;

    @Test
    @DisplayName("Fn::If on a condition over a parameter's default picks the branch: production memory 2048")
    void conditionOnLiteral() {
        // IsProd: Equals(Ref Env -> "prod", "prod") = true, so MemorySize 2048:
        // 1M x 0.1 s x 2 GB = 200,000 GB-s x $0.0000166667 = 3.33 + $0.20 requests = $3.53
        String template = """
                {"Parameters": {"Env": {"Type": "String", "Default": "prod"}},
                 "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                                "IsTest": {"Fn::Not": [{"Condition": "IsProd"}]}},
                 "Resources": {
                   "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Fn::If": ["IsProd", 2048, 128]}}},
                   "TestOnly": {"Type": "AWS::Lambda::Function", "Condition": "IsTest", "Properties": {}}}}""";
        assertThat(resource(template, PROFILE, "Fn").monthlyUsd()).isEqualByComparingTo("3.53");
        ResourceCost skipped = resource(template, PROFILE, "TestOnly");
        assertThat(skipped.status()).isEqualTo(ResourceCost.Status.SKIPPED);
    }

    @Test
    @DisplayName("Fn::GetAtt to a size set in the same template, Fn::FindInMap and Fn::Select resolve")
    void getAttMapAndSelect() {
        // Sized.MemorySize = GetAtt Source.MemorySize = FindInMap Sizes.prod.memory = 1024:
        // 1M x 0.1 s x 1 GB = 100,000 GB-s x $0.0000166667 = 1.67 + 0.20 = $1.87
        String template = """
                {"Mappings": {"Sizes": {"prod": {"memory": 1024}}},
                 "Resources": {
                   "Source": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Fn::FindInMap": ["Sizes", "prod", "memory"]}}},
                   "Sized": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Fn::GetAtt": ["Source", "MemorySize"]},
                     "Architectures": {"Fn::Split": [",", {"Fn::Select": [1, ["arm64,x", "x86_64"]]}]}}}}}""";
        ResourceCost sized = resource(template, PROFILE, "Sized");
        assertThat(sized.monthlyUsd()).isEqualByComparingTo("1.87");
        assertThat(sized.drivers()).containsEntry("MemorySize", "1024");
    }

    @Test
    @DisplayName("a condition on a value known only at deployment: the resource is unresolved, with the reason")
    void conditionOnDeploymentValue() {
        String template = """
                {"Conditions": {"InUsEast": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "123456789012"]}},
                 "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Condition": "InUsEast", "Properties": {}}}}""";
        ResourceCost fn = resource(template, PROFILE, "Fn");
        assertThat(fn.status()).isEqualTo(ResourceCost.Status.UNRESOLVED);
        assertThat(fn.notes().get(0)).isEqualTo("condition InUsEast cannot be evaluated: Ref AWS::AccountId: known only at deployment");
    }

    @Test
    @DisplayName("SSM parameters, imports and GetAtt of runtime attributes are reported, not guessed")
    void deploymentOnly() {
        String template = """
                {"Parameters": {"Memory": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/app/memory"}},
                 "Resources": {
                   "FromSsm": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Ref": "Memory"}}},
                   "Imported": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Fn::ImportValue": "memory"}}},
                   "Queue": {"Type": "AWS::SQS::Queue", "Properties": {}},
                   "Runtime": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Fn::GetAtt": ["Queue", "Arn"]}}}}}""";
        Estimate estimate = estimate(template, PROFILE);
        assertThat(estimate.resources().filter(r -> r.status() == ResourceCost.Status.UNRESOLVED).map(r -> r.notes().get(0)))
                .containsExactlyInAnyOrder(
                        "FromSsm.MemorySize: Ref Memory: an SSM parameter, read at deployment",
                        "Imported.MemorySize: Fn::ImportValue: exported by another stack at deployment",
                        "Runtime.MemorySize: Fn::GetAtt Queue.Arn: set by AWS at deployment");
        assertThat(estimate.monthlyUsd()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("an unresolvable sibling property (tags with the account id) does not stop a resource being priced")
    void siblingsDoNotMatter() {
        String template = """
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 1024,
                  "Tags": [{"Key": "account", "Value": {"Ref": "AWS::AccountId"}}]}}}}""";
        assertThat(resource(template, PROFILE, "Fn").status()).isEqualTo(ResourceCost.Status.PRICED);
    }

    @Test
    @DisplayName("a type without a pricer is listed as unpriced with its count; IAM roles are free")
    void unknownType() {
        String template = """
                {"Resources": {
                  "Stream1": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 2}},
                  "Stream2": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 2}},
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {}}}}""";
        Estimate estimate = estimate(template, "");
        assertThat(estimate.countByType(ResourceCost.Status.UNPRICED)).containsExactly(java.util.Map.entry("AWS::Kinesis::Stream", 2L));
        assertThat(estimate.countByType(ResourceCost.Status.FREE)).containsOnlyKeys("AWS::IAM::Role");
        assertThat(estimate.resources().filter(r -> r.type().equals("AWS::Kinesis::Stream")).map(r -> r.notes().get(0)))
                .containsOnly("no pricer for AWS::Kinesis::Stream");
    }
}
