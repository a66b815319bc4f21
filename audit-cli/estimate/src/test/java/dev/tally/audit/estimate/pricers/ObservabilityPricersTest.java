package dev.tally.audit.estimate.pricers;

import static dev.tally.audit.estimate.Priced.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CloudWatch alarms, composite alarms, dashboards and log groups. */
class ObservabilityPricersTest {

    @Test
    @DisplayName("a standard alarm is $0.10; one with a 10 s period is high resolution, $0.30")
    void alarms() {
        String template = """
                {"Resources": {
                  "Standard": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Period": 300, "AlarmActions": [{"Ref": "Topic"}]}},
                  "Fast": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Period": 10}},
                  "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}}}}""";
        assertThat(resource(template, "", "Standard").monthlyUsd()).isEqualByComparingTo("0.10");
        assertThat(resource(template, "", "Fast").monthlyUsd()).isEqualByComparingTo("0.30");
    }

    @Test
    @DisplayName("a metric-math alarm pays per metric it reads: 3 metrics x $0.10 = $0.30")
    void metricMathAlarm() {
        String template = """
                {"Resources": {"A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [
                  {"Id": "a", "MetricStat": {"Period": 60, "Stat": "Sum", "Metric": {"MetricName": "Errors"}}},
                  {"Id": "b", "MetricStat": {"Period": 60, "Stat": "Sum", "Metric": {"MetricName": "Invocations"}}},
                  {"Id": "c", "MetricStat": {"Period": 60, "Stat": "Sum", "Metric": {"MetricName": "Throttles"}}},
                  {"Id": "ratio", "Expression": "(a + c) / b"}]}}}}""";
        assertThat(resource(template, "", "A").monthlyUsd()).isEqualByComparingTo("0.30");
    }

    @Test
    @DisplayName("a composite alarm is $0.50, a dashboard $3.00")
    void compositeAndDashboard() {
        String template = """
                {"Resources": {"C": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {"AlarmRule": "TRUE"}},
                  "D": {"Type": "AWS::CloudWatch::Dashboard", "Properties": {"DashboardBody": "{}"}}}}""";
        assertThat(resource(template, "", "C").monthlyUsd()).isEqualByComparingTo("0.50");
        assertThat(resource(template, "", "D").monthlyUsd()).isEqualByComparingTo("3.00");
    }

    @Test
    @DisplayName("log group: ingestion plus retention/30 months of it stored; no retention stores the profile's figure")
    void logGroups() {
        String template = """
                {"Resources": {"Kept": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 90}},
                  "Forever": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}""";
        String profile = """
                name: t
                defaults:
                  AWS::Logs::LogGroup: {ingestedGbPerMonth: 10, storedGbWithoutRetention: 100}
                """;
        // Kept: 10 GB x $0.50 = 5.00; 10 x 90/30 = 30 GB-month x $0.03 = 0.90. $5.90.
        assertThat(resource(template, profile, "Kept").monthlyUsd()).isEqualByComparingTo("5.90");
        // Forever: 5.00 + 100 GB x $0.03 = 3.00. $8.00.
        assertThat(resource(template, profile, "Forever").monthlyUsd()).isEqualByComparingTo("8.00");
        assertThat(resource(template, profile, "Forever").notes()).anyMatch(n -> n.contains("kept forever"));
    }
}
