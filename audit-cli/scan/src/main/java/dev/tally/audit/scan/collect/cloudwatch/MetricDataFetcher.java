package dev.tally.audit.scan.collect.cloudwatch;

import dev.tally.audit.scan.collect.AwsCall;
import dev.tally.audit.scan.collect.BoundedParallel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Fetches many CloudWatch series with as few calls as CloudWatch allows: {@code GetMetricData} with up to
 * {@value #MAX_QUERIES_PER_CALL} queries per call, following every {@code NextToken} page and merging the pages of
 * each series. Billing is per metric requested either way, so batching saves calls and time, not money.
 *
 * <p>A series with no datapoints comes back as an empty map: absent, never zero. What absence means (a stopped
 * instance, a load balancer without traffic) is for the checks to decide.
 */
public final class MetricDataFetcher {
    /** CloudWatch's limit on queries in one GetMetricData call. */
    public static final int MAX_QUERIES_PER_CALL = 500;

    private final CloudWatchClient cloudWatch;
    private final int queriesPerCall;
    private final BoundedParallel parallel;

    /** Full batches, one at a time. */
    public MetricDataFetcher(CloudWatchClient cloudWatch) {
        this(cloudWatch, MAX_QUERIES_PER_CALL, new BoundedParallel(1));
    }

    /**
     * @param queriesPerCall 1..500; fewer than 500 only to measure a less batched baseline
     * @param parallel       how many batches are in flight at once (CloudWatch allows 50 GetMetricData calls per
     *                       second per region, so a few are safe)
     */
    public MetricDataFetcher(CloudWatchClient cloudWatch, int queriesPerCall, BoundedParallel parallel) {
        if (queriesPerCall < 1 || queriesPerCall > MAX_QUERIES_PER_CALL) {
            throw new IllegalArgumentException("queriesPerCall must be 1.." + MAX_QUERIES_PER_CALL);
        }
        this.cloudWatch = cloudWatch;
        this.queriesPerCall = queriesPerCall;
        this.parallel = parallel;
    }

    /**
     * Datapoints of every query between {@code start} (inclusive) and {@code end} (exclusive).
     *
     * @param periodSeconds the aggregation period, a multiple of 60 (86400 for daily values)
     * @return by query key, the datapoints by timestamp (empty for a series without data); every key is present
     */
    public Map<String, SortedMap<Instant, Double>> fetch(List<MetricQuery> queries, Instant start, Instant end,
                                                         int periodSeconds) {
        Map<String, SortedMap<Instant, Double>> series = new LinkedHashMap<>();
        for (MetricQuery query : queries) {
            if (series.put(query.key(), new TreeMap<>()) != null) {
                throw new IllegalArgumentException("duplicate metric query key: " + query.key());
            }
        }
        List<List<MetricQuery>> batches = new ArrayList<>();
        for (int from = 0; from < queries.size(); from += queriesPerCall) {
            batches.add(queries.subList(from, Math.min(queries.size(), from + queriesPerCall)));
        }
        // Each batch fills only its own keys' maps, so batches may run side by side.
        parallel.map(batches, batch -> {
            fetchBatch(batch, start, end, periodSeconds, series);
            return Boolean.TRUE;
        });
        Map<String, SortedMap<Instant, Double>> result = new LinkedHashMap<>();
        series.forEach((key, points) -> result.put(key, Collections.unmodifiableSortedMap(points)));
        return result;
    }

    private void fetchBatch(List<MetricQuery> batch, Instant start, Instant end, int periodSeconds,
                            Map<String, SortedMap<Instant, Double>> series) {
        Map<String, String> keyById = new HashMap<>();
        List<MetricDataQuery> dataQueries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MetricQuery query = batch.get(i);
            String id = "q" + i;
            keyById.put(id, query.key());
            dataQueries.add(MetricDataQuery.builder()
                    .id(id)
                    .returnData(true)
                    .metricStat(MetricStat.builder()
                            .metric(Metric.builder()
                                    .namespace(query.namespace())
                                    .metricName(query.metricName())
                                    .dimensions(query.dimensions().entrySet().stream()
                                            .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build())
                                            .toList())
                                    .build())
                            .period(periodSeconds)
                            .stat(query.statistic())
                            .build())
                    .build());
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .metricDataQueries(dataQueries)
                .startTime(start)
                .endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .build();
        AwsCall.named("CloudWatch", "GetMetricData", () -> {
            // The paginator follows NextToken; one series' datapoints may be spread over several pages.
            cloudWatch.getMetricDataPaginator(request).metricDataResults().forEach(result ->
                    merge(result, keyById, series));
            return null;
        });
    }

    private static void merge(MetricDataResult result, Map<String, String> keyById,
                              Map<String, SortedMap<Instant, Double>> series) {
        String key = keyById.get(result.id());
        if (key == null) {
            throw new IllegalStateException("CloudWatch returned a result for unknown query id " + result.id());
        }
        List<Instant> timestamps = result.timestamps();
        List<Double> values = result.values();
        SortedMap<Instant, Double> points = series.get(key);
        for (int i = 0; i < Math.min(timestamps.size(), values.size()); i++) {
            points.put(timestamps.get(i), values.get(i));
        }
    }
}
