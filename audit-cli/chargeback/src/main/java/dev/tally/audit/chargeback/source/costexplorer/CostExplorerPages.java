package dev.tally.audit.chargeback.source.costexplorer;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.DimensionValues;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.MatchOption;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/**
 * Runs {@link CeQuery}s for one month and one metric, following every {@code NextPageToken}, and counts the requests
 * (each is billed USD 0.01). The month is {@code [first day, first day of next month)}: Cost Explorer's end date is
 * exclusive.
 */
final class CostExplorerPages {
    private final CostExplorerClient client;
    private final YearMonth month;
    private final String metric;
    private int requests;

    /** The ungrouped month. */
    record Total(BigDecimal amount, String currency, boolean estimated) {
    }

    /** One group of one page: the group-by keys by their definition, and the metric value. */
    record Group(Map<String, String> keys, BigDecimal amount, String unit) {
        String value(String dimension) {
            return keys.getOrDefault(CeQuery.dimension(dimension), "");
        }

        /** CE returns a tag group key as {@code key$value}; {@code key$} means untagged. */
        Optional<String> tagValue(String tagKey) {
            String raw = keys.get(CeQuery.tag(tagKey));
            if (raw == null) {
                return Optional.empty();
            }
            int dollar = raw.indexOf('$');
            String value = dollar < 0 ? raw : raw.substring(dollar + 1);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }

    CostExplorerPages(CostExplorerClient client, YearMonth month, String metric) {
        this.client = client;
        this.month = month;
        this.metric = metric;
    }

    int requests() {
        return requests;
    }

    Total total() {
        BigDecimal amount = BigDecimal.ZERO;
        String currency = null;
        boolean estimated = false;
        String token = null;
        do {
            GetCostAndUsageResponse page = call(new CeQuery(List.of(), Map.of()), token);
            for (ResultByTime result : page.resultsByTime()) {
                MetricValue value = result.total().get(metric);
                if (value != null) {
                    amount = amount.add(new BigDecimal(value.amount()));
                    currency = value.unit();
                }
                estimated |= Boolean.TRUE.equals(result.estimated());
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return new Total(amount, currency == null ? "USD" : currency, estimated);
    }

    List<Group> groups(CeQuery query) {
        List<Group> groups = new ArrayList<>();
        String token = null;
        do {
            GetCostAndUsageResponse page = call(query, token);
            for (ResultByTime result : page.resultsByTime()) {
                for (software.amazon.awssdk.services.costexplorer.model.Group group : result.groups()) {
                    MetricValue value = group.metrics().get(metric);
                    if (value == null) {
                        continue;
                    }
                    Map<String, String> keys = new java.util.HashMap<>(query.filter().entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(e -> CeQuery.dimension(e.getKey()),
                                    Map.Entry::getValue)));
                    for (int i = 0; i < query.groupBy().size() && i < group.keys().size(); i++) {
                        keys.put(query.groupBy().get(i), group.keys().get(i));
                    }
                    groups.add(new Group(keys, new BigDecimal(value.amount()), value.unit()));
                }
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return groups;
    }

    private GetCostAndUsageResponse call(CeQuery query, String token) {
        GetCostAndUsageRequest.Builder request = GetCostAndUsageRequest.builder()
                .timePeriod(DateInterval.builder().start(month.atDay(1).toString())
                        .end(month.plusMonths(1).atDay(1).toString()).build())
                .granularity(Granularity.MONTHLY)
                .metrics(metric)
                .nextPageToken(token);
        if (!query.groupBy().isEmpty()) {
            request.groupBy(query.groupBy().stream().map(CostExplorerPages::definition).toList());
        }
        filter(query.filter(), query.absentTags()).ifPresent(request::filter);
        requests++;
        return client.getCostAndUsage(request.build());
    }

    private static GroupDefinition definition(String spec) {
        int colon = spec.indexOf(':');
        return GroupDefinition.builder().type(GroupDefinitionType.fromValue(spec.substring(0, colon)))
                .key(spec.substring(colon + 1)).build();
    }

    private static Optional<Expression> filter(Map<String, String> pinned, List<String> absentTags) {
        // A fixed order keeps requests identical run to run (and matchable in tests).
        List<Expression> each = new ArrayList<>(pinned.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Expression.builder().dimensions(DimensionValues.builder().key(e.getKey())
                        .values(e.getValue()).build()).build())
                .toList());
        for (String key : absentTags) {
            each.add(Expression.builder().tags(TagValues.builder().key(key).matchOptions(MatchOption.ABSENT).build())
                    .build());
        }
        if (each.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(each.size() == 1 ? each.get(0) : Expression.builder().and(each).build());
    }
}
