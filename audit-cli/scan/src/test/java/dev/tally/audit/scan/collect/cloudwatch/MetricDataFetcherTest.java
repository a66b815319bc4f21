package dev.tally.audit.scan.collect.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.tally.audit.common.aws.ApiCallCost;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.ServiceClients;
import dev.tally.audit.scan.collect.wire.GetMetricDataTransformer;
import dev.tally.audit.scan.collect.wire.MetricSource;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

@DisplayName("CloudWatch GetMetricData batching through the real SDK against CloudWatch's awsQuery wire format")
class MetricDataFetcherTest {
    private static final DailyWindow WINDOW = new DailyWindow(LocalDate.parse("2025-03-01"),
            LocalDate.parse("2025-03-03"));

    /** Every instance but {@code i-silent} has one datapoint a day: its number times the day of month. */
    private static final MetricSource SOURCE = (namespace, metric, dimensions, stat, start, end, period) -> {
        SortedMap<Instant, Double> points = new TreeMap<>();
        String id = dimensions.getOrDefault("InstanceId", "");
        if (id.equals("i-silent")) {
            return points;
        }
        int n = Integer.parseInt(id.replaceAll("\\D", ""));
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(period)) {
            points.put(t, (double) n * LocalDate.ofInstant(t, java.time.ZoneOffset.UTC).getDayOfMonth());
        }
        return points;
    };

    private final GetMetricDataTransformer transformer =
            new GetMetricDataTransformer(WireMockAws.BODIES, SOURCE, 200);
    private final WireMockServer server = WireMockAws.server(transformer);
    private final ApiCallLedger ledger = new ApiCallLedger();
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        server.start();
        cloudWatch = new ServiceClients(WireMockAws.settings(server, ledger, 3)).cloudWatch("eu-west-1");
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        server.stop();
    }

    private static List<MetricQuery> cpuQueries(int instances) {
        List<MetricQuery> queries = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            queries.add(new MetricQuery("i-" + i + "/cpu", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-" + i),
                    "Average"));
        }
        return queries;
    }

    @Test
    @DisplayName("1,201 queries go out as 3 batches of at most 500 (500, 500, 201), each paged by NextToken")
    void batchesOf500() {
        server.stubFor(query("GetMetricData").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers(GetMetricDataTransformer.NAME)));

        var series = new MetricDataFetcher(cloudWatch).fetch(cpuQueries(1201), WINDOW.start(), WINDOW.end(),
                DailyWindow.PERIOD_SECONDS);

        assertThat(series).hasSize(1201);
        // 200 results per page: batch of 500 takes 3 pages, 201 takes 2; each page repeats the batch's queries.
        assertThat(transformer.queriesPerCall()).containsExactly(500, 500, 500, 500, 500, 500, 201, 201);
        assertThat(ledger.calls("CloudWatch", "GetMetricData")).isEqualTo(8);
        assertThat(series.get("i-1201/cpu")).containsEntry(Instant.parse("2025-03-02T00:00:00Z"), 2402.0);
        assertThat(series.get("i-7/cpu").values()).containsExactly(7.0, 14.0, 21.0);
    }

    @Test
    @DisplayName("results are mapped back by query id to the caller's keys, with daily period and the asked statistic")
    void mapsBackById() {
        server.stubFor(query("GetMetricData").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers(GetMetricDataTransformer.NAME)));
        List<MetricQuery> queries = List.of(
                new MetricQuery("web/cpu", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-3"), "Average"),
                new MetricQuery("web/in", "AWS/EC2", "NetworkIn", Map.of("InstanceId", "i-5"), "Sum"));

        var series = new MetricDataFetcher(cloudWatch).fetch(queries, WINDOW.start(), WINDOW.end(), 86_400);

        assertThat(series.get("web/cpu").values()).containsExactly(3.0, 6.0, 9.0);
        assertThat(series.get("web/in").values()).containsExactly(5.0, 10.0, 15.0);
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Version=2010-08-01"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Period=86400"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Stat=Average"))
                .withRequestBody(containing("MetricDataQueries.member.2.MetricStat.Stat=Sum"))
                .withRequestBody(containing("StartTime=2025-03-01T00%3A00%3A00Z"))
                .withRequestBody(containing("EndTime=2025-03-04T00%3A00%3A00Z")));
    }

    @Test
    @DisplayName("a series without datapoints is absent (empty), never zero")
    void missingIsAbsent() {
        server.stubFor(query("GetMetricData").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers(GetMetricDataTransformer.NAME)));
        List<MetricQuery> queries = List.of(
                new MetricQuery("silent", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-silent"), "Average"));

        var series = new MetricDataFetcher(cloudWatch).fetch(queries, WINDOW.start(), WINDOW.end(), 86_400);

        assertThat(series).containsOnlyKeys("silent");
        assertThat(series.get("silent")).isEmpty();
        assertThat(WINDOW.byDay(series.get("silent"))).isEmpty();
    }

    @Test
    @DisplayName("the ledger counts billed metrics per call, and ApiCallCost prices them at $0.01 per 1,000")
    void billedMetrics() {
        server.stubFor(query("GetMetricData").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers(GetMetricDataTransformer.NAME)));

        new MetricDataFetcher(cloudWatch).fetch(cpuQueries(1000), WINDOW.start(), WINDOW.end(), 86_400);

        // 2 batches x 3 pages, each page a call carrying its whole batch of 500 metrics.
        assertThat(ledger.metricsRequested()).isEqualTo(3000);
        ApiCallCost cost = ApiCallCost.of(ledger);
        assertThat(cost.totalUsd()).isEqualByComparingTo(new BigDecimal("0.03"));
        assertThat(cost.costByService()).containsOnlyKeys("CloudWatch");
        assertThat(cost.totalCalls()).isEqualTo(6);
    }

    @Test
    @DisplayName("GetMetricStatistics (the per-metric API) is billed per request: one metric each in the ledger")
    void statisticsBilledPerRequest() {
        var responses = new dev.tally.audit.scan.collect.wire.CloudWatchQueryResponses(WireMockAws.BODIES, SOURCE, 500);
        server.stubFor(query("GetMetricStatistics").willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withHeader("Content-Type", "text/xml").withBody(responses.getMetricStatistics(Map.of(
                        "Namespace", "AWS/EC2", "MetricName", "CPUUtilization", "Dimensions.member.1.Name",
                        "InstanceId", "Dimensions.member.1.Value", "i-4", "Statistics.member.1", "Average",
                        "StartTime", WINDOW.start().toString(), "EndTime", WINDOW.end().toString(),
                        "Period", "86400")))));

        var datapoints = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(d -> d.name("InstanceId").value("i-4")).statistics(
                        software.amazon.awssdk.services.cloudwatch.model.Statistic.AVERAGE)
                .startTime(WINDOW.start()).endTime(WINDOW.end()).period(86_400)).datapoints();

        assertThat(datapoints).extracting(d -> d.average()).containsExactlyInAnyOrder(4.0, 8.0, 12.0);
        assertThat(ledger.metricsRequested()).isEqualTo(1);
        assertThat(ApiCallCost.of(ledger).costByService().get("CloudWatch"))
                .isEqualByComparingTo(new BigDecimal("0.00001"));
    }

    @Test
    @DisplayName("a Throttling response is retried and the result still complete")
    void throttlingRetried() {
        server.stubFor(query("GetMetricData").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xmlError(400, "query/error-throttling.xml")).willSetStateTo("ok"));
        server.stubFor(query("GetMetricData").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withTransformers(GetMetricDataTransformer.NAME)));

        var series = new MetricDataFetcher(cloudWatch).fetch(cpuQueries(3), WINDOW.start(), WINDOW.end(), 86_400);

        assertThat(series.get("i-3/cpu")).hasSize(3);
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    @DisplayName("daily windows run from 00:00 UTC of the first day to 00:00 UTC after the last")
    void dailyWindow() {
        assertThat(WINDOW.start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(WINDOW.end()).isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
        assertThat(WINDOW.byDay(Map.of(Instant.parse("2025-02-28T00:00:00Z"), 1.0,
                Instant.parse("2025-03-03T00:00:00Z"), 2.0))).containsOnlyKeys(LocalDate.parse("2025-03-03"));
    }
}
