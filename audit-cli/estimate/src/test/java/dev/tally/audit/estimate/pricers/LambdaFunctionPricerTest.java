package dev.tally.audit.estimate.pricers;

import static dev.tally.audit.estimate.Priced.line;
import static dev.tally.audit.estimate.Priced.resource;
import static dev.tally.audit.estimate.Priced.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.estimate.price.ResourceCost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LambdaFunctionPricerTest {
    private static final String PROFILE = """
            name: t
            resources:
              - type: AWS::Lambda::Function
                match: "Fn"
                usage: {requestsPerMonth: 1000000, averageDurationMs: 200, provisionedShare: 0.5}
            """;

    @Test
    @DisplayName("on-demand arm64: requests and GB-seconds at the arm64 rate")
    void onDemandArm64() {
        // 1,000,000 requests x $0.20/M = $0.20; 1,000,000 x 0.2 s x 0.5 GB = 100,000 GB-s x $0.0000133334 = $1.33334
        ResourceCost fn = resource("""
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function",
                  "Properties": {"MemorySize": 512, "Architectures": ["arm64"]}}}}""", """
                name: t
                resources:
                  - {type: AWS::Lambda::Function, match: Fn, usage: {requestsPerMonth: 1000000, averageDurationMs: 200}}
                """, "Fn");
        assertThat(fn.status()).isEqualTo(ResourceCost.Status.PRICED);
        assertThat(line(fn, "requests")).isEqualByComparingTo("0.20");
        assertThat(line(fn, "duration (arm64")).isEqualByComparingTo("1.33");
        assertThat(fn.monthlyUsd()).isEqualByComparingTo("1.53");
    }

    @Test
    @DisplayName("x86_64 by default, 128 MB by default")
    void defaults() {
        // 1,000,000 x 0.2 s x 0.125 GB = 25,000 GB-s x $0.0000166667 = $0.4166675; + $0.20 requests = $0.62
        ResourceCost fn = resource("""
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {}}}}""", """
                name: t
                resources:
                  - {type: AWS::Lambda::Function, match: Fn, usage: {requestsPerMonth: 1000000, averageDurationMs: 200}}
                """, "Fn");
        assertThat(line(fn, "duration (x86_64, 128 MB)")).isEqualByComparingTo("0.42");
        assertThat(fn.monthlyUsd()).isEqualByComparingTo("0.62");
    }

    @Test
    @DisplayName("provisioned concurrency only for the hours the scheduled actions hold it: the renewal window, not 730 h")
    void scheduleDrivenProvisionedConcurrency() {
        // The renewal window's actions: 20 at 22:00 on the 29th (27 Feb), 0 at 00:00 on the 3rd.
        // 31-day months: 29th 22:00 -> 3rd 00:00 = 2 + 24 + 24 + 48 = 98 h (7 months); 30-day months and February:
        // 2 + 24 + 48 = 74 h (5 months). Year: 7 x 98 + 5 x 74 = 1,056 h; an average month 88 h.
        // 20 x 88 h x 3,600 s x 1 GB = 6,336,000 GB-s x $0.0000033334 = $21.12 (730 h would be $175.20).
        // Invocations: 1M x 0.2 s x 1 GB = 200,000 GB-s; half (100,000) on provisioned at $0.0000077778 = $0.78, half
        // on-demand at $0.0000133334 = $1.33; requests $0.20. Total 21.12 + 0.78 + 1.33 + 0.20 = $23.43.
        ResourceCost fn = resource("""
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 1024, "Architectures": ["arm64"]}},
                  "Version": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "Fn"}}},
                  "Alias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"},
                    "FunctionVersion": {"Fn::GetAtt": ["Version", "Version"]}, "Name": "live"}},
                  "Target": {"Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": {
                    "MinCapacity": 0, "MaxCapacity": 20, "ScalableDimension": "lambda:function:ProvisionedConcurrency",
                    "ServiceNamespace": "lambda",
                    "ResourceId": {"Fn::Join": ["", ["function:", {"Fn::Select": [6, {"Fn::Split": [":", {"Ref": "Alias"}]}]}, ":live"]]},
                    "ScheduledActions": [
                      {"ScheduledActionName": "Opens", "Schedule": "cron(0 22 29 1,3,4,5,6,7,8,9,10,11,12 ? *)",
                       "ScalableTargetAction": {"MinCapacity": 20, "MaxCapacity": 20}},
                      {"ScheduledActionName": "OpensFeb", "Schedule": "cron(0 22 27 2 ? *)",
                       "ScalableTargetAction": {"MinCapacity": 20, "MaxCapacity": 20}},
                      {"ScheduledActionName": "Closes", "Schedule": "cron(0 0 3 * ? *)",
                       "ScalableTargetAction": {"MinCapacity": 0, "MaxCapacity": 0}}]}}}}""", PROFILE, "Fn");
        assertThat(line(fn, "provisioned concurrency")).isEqualByComparingTo("21.12");
        assertThat(line(fn, "duration on provisioned")).isEqualByComparingTo("0.78");
        assertThat(line(fn, "duration (arm64")).isEqualByComparingTo("1.33");
        assertThat(fn.monthlyUsd()).isEqualByComparingTo("23.43");
        assertThat(fn.notes()).anyMatch(n -> n.contains("88 h in an average month, not 730 h"));
    }

    @Test
    @DisplayName("provisioned concurrency set on an alias without a scaling target runs around the clock")
    void staticProvisionedConcurrency() {
        // 5 x 730 h x 3,600 s x 0.5 GB = 6,570,000 GB-s x $0.0000041667 (x86_64) = $27.38
        ResourceCost fn = resource("""
                {"Resources": {
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 512}},
                  "Alias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "live",
                    "FunctionVersion": "1", "ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}}}}}""",
                "", "Fn");
        assertThat(line(fn, "provisioned concurrency")).isEqualByComparingTo("27.38");
    }

    @Test
    @DisplayName("ephemeral storage above the free 512 MB is charged per GB-second of duration")
    void ephemeralStorage() {
        // 1M x 0.2 s = 200,000 s x (10,240 - 512) / 1,024 GB = 1,900,000 GB-s x $0.0000000309 = $0.05871
        ResourceCost fn = resource("""
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function",
                  "Properties": {"MemorySize": 1024, "EphemeralStorage": {"Size": 10240}}}}}""", """
                name: t
                resources:
                  - {type: AWS::Lambda::Function, match: Fn, usage: {requestsPerMonth: 1000000, averageDurationMs: 200}}
                """, "Fn");
        assertThat(line(fn, "ephemeral")).isEqualByComparingTo("0.06");
    }

    @Test
    @DisplayName("memory from a parameter's default is resolved; from a parameter without one, reported unresolved")
    void memoryFromParameters() {
        String template = """
                {"Parameters": {"WithDefault": {"Type": "Number", "Default": 2048}, "NoDefault": {"Type": "Number"}},
                 "Resources": {
                  "A": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Ref": "WithDefault"}}},
                  "B": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": {"Ref": "NoDefault"}}}}}""";
        String profile = """
                name: t
                defaults:
                  AWS::Lambda::Function: {requestsPerMonth: 1000000, averageDurationMs: 100}
                """;
        // A: 1M x 0.1 s x 2 GB = 200,000 GB-s x $0.0000166667 = $3.33 + $0.20
        assertThat(resource(template, profile, "A").monthlyUsd()).isEqualByComparingTo("3.53");
        ResourceCost b = resource(template, profile, "B");
        assertThat(b.status()).isEqualTo(ResourceCost.Status.UNRESOLVED);
        assertThat(b.notes()).containsExactly("B.MemorySize: Ref NoDefault: a parameter without a default");
        assertThat(b.monthlyUsd()).isEqualByComparingTo(usd("0"));
    }
}
