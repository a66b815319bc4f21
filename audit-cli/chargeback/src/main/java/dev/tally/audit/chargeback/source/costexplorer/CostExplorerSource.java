package dev.tally.audit.chargeback.source.costexplorer;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.source.cache.CacheKey;
import dev.tally.audit.chargeback.source.cache.MonthlyCostCache;
import dev.tally.audit.common.aws.AwsFailure;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;

/**
 * Costs from the Cost Explorer API ({@code GetCostAndUsage}, monthly granularity). Requests are planned by
 * {@link CostExplorerPlan}: one ungrouped request for the month's total (the reconciliation figure and the
 * {@code Estimated} flag), one listing (account, record type) pairs, and the detail requests, each followed through
 * all its pages. Every request costs USD 0.01, so a closed month (Cost Explorer no longer marks it estimated) is cached
 * on disk and a re-run makes no request at all; an open month is always fetched fresh.
 *
 * <p>Cost Explorer groups by at most two keys per request, so several owner tag keys (the rules' ordered
 * {@code owner-tags}) are asked one at a time per (account, record type) pair: the next key only for the cost that
 * carried none of the earlier ones ({@code ABSENT} filter), and only while there is such cost. The number of paid
 * requests is printed before the detail requests and after the month.
 */
public final class CostExplorerSource implements CostSource {
    /** Changes whenever the plan or the row shape changes, so old cache entries are not served. */
    static final String GROUPING = "ce-v2:account,record_type,service,ordered-tags";
    /** Cost Explorer's API is served from us-east-1 for the commercial partition. */
    public static final Region REGION = Region.US_EAST_1;
    /** How failures name the call (the SDK's service name and the operation). */
    static final String SERVICE = "CostExplorer";
    static final String OPERATION = "GetCostAndUsage";

    private final CostExplorerClient client;
    private final Optional<MonthlyCostCache> cache;
    private final String cacheScope;
    private final Consumer<String> progress;

    /**
     * @param client     a Cost Explorer client (region {@link #REGION})
     * @param cache      where closed months are kept, or empty for no cache
     * @param cacheScope whose bill this is (payer account id or profile name): part of the cache key
     */
    public CostExplorerSource(CostExplorerClient client, Optional<MonthlyCostCache> cache, String cacheScope) {
        this(client, cache, cacheScope, line -> { });
    }

    /** @param progress where the paid-request lines go (the CLI's standard error) */
    public CostExplorerSource(CostExplorerClient client, Optional<MonthlyCostCache> cache, String cacheScope,
            Consumer<String> progress) {
        this.client = client;
        this.cache = cache;
        this.cacheScope = cacheScope;
        this.progress = progress;
    }

    /** A source with a client built the CLI's way (profile, adaptive retries, API call counting). */
    public static CostExplorerSource create(AwsSettings settings, Optional<MonthlyCostCache> cache, String scope) {
        return new CostExplorerSource(settings.build(CostExplorerClient.builder(), REGION), cache, scope);
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        CacheKey key = new CacheKey(cacheScope, month, metric, tagKeys, GROUPING);
        Optional<MonthlyCost> cached = cache.flatMap(c -> c.get(key));
        if (cached.isPresent()) {
            progress.accept("Cost Explorer " + month + ": closed month from the cache, 0 paid requests");
            MonthlyCost hit = cached.get();
            return new MonthlyCost(hit.month(), hit.metric(), hit.rows(), hit.sourceTotal(), hit.currency(),
                    hit.monthClosed(), "Cost Explorer (cached closed month, 0 requests)");
        }
        MonthlyCost fetched = fetch(month, metric, tagKeys);
        if (fetched.monthClosed()) {
            cache.ifPresent(c -> c.put(key, fetched));
        }
        return fetched;
    }

    private MonthlyCost fetch(YearMonth month, CostMetric metric, List<String> tagKeys) {
        CostExplorerPages pages = new CostExplorerPages(client, month, metricName(metric));
        try {
            progress.accept("Cost Explorer " + month + ": 2 paid requests (USD 0.02) to list the month, then the"
                    + " detail requests");
            CostExplorerPages.Total total = pages.total();
            List<CostExplorerPlan.Pair> pairs = pages.groups(CostExplorerPlan.pairs()).stream()
                    .map(g -> new CostExplorerPlan.Pair(g.value(CostExplorerPlan.ACCOUNT),
                            g.value(CostExplorerPlan.RECORD_TYPE), g.amount()))
                    .toList();
            Map<RowKey, BigDecimal> sums = new LinkedHashMap<>();
            if (tagKeys.isEmpty()) {
                List<CeQuery> plan = CostExplorerPlan.detail(pairs, tagKeys);
                announce(month, pages.requests(), plan.size(), plan.size());
                for (CeQuery query : plan) {
                    for (CostExplorerPages.Group group : pages.groups(query)) {
                        requireCurrency(group.unit(), total.currency(), month);
                        add(sums, group, group.value(CostExplorerPlan.ACCOUNT), group.value(CostExplorerPlan.RECORD_TYPE),
                                Map.of());
                    }
                }
            } else {
                List<CostExplorerPlan.Pair> nonZero = CostExplorerPlan.nonZero(pairs);
                announce(month, pages.requests(), nonZero.size(), nonZero.size() * tagKeys.size());
                for (CostExplorerPlan.Pair pair : nonZero) {
                    fetchPair(pages, pair, tagKeys, total.currency(), month, sums);
                }
            }
            List<CostRow> rows = new ArrayList<>();
            sums.forEach((k, amount) -> {
                if (amount.signum() != 0) {
                    rows.add(new CostRow(k.account(), k.service(), RecordTypes.kindOf(k.recordType(), k.service()),
                            k.tags(), amount, total.currency()));
                }
            });
            String spent = pages.requests() + " requests, USD " + BigDecimal.valueOf(pages.requests(), 2);
            progress.accept("Cost Explorer " + month + ": made " + spent);
            return new MonthlyCost(month, metric, rows, total.amount(), total.currency(), !total.estimated(),
                    "Cost Explorer (" + spent + ")");
        } catch (CostExplorerException e) {
            throw explain(e, month, region());
        } catch (SdkException e) {
            throw UserFacingException.incomplete("Cost Explorer request failed for " + month + ": "
                    + AwsFailure.describe(SERVICE, OPERATION, region(), Optional.empty(), e)
                    + " (check network access and credentials, then retry)", e);
        }
    }

    private void announce(YearMonth month, int made, int least, int most) {
        String more = least == most ? String.valueOf(least) : least + " to " + most;
        progress.accept("Cost Explorer " + month + ": " + made + " requests made; " + more + " detail requests"
                + " planned (plus extra pages), USD 0.01 each");
    }

    /**
     * One pair's rows under the ordered owner keys: key 1 for all its cost; key n only for the cost that had none of
     * keys 1..n-1, asked only when there is such cost. Whatever a later answer does not cover of the cost an earlier
     * one left untagged (a tag with an empty value is untagged but not {@code ABSENT}) stays untagged, so the pair
     * still adds up to what Cost Explorer grouped.
     */
    private static void fetchPair(CostExplorerPages pages, CostExplorerPlan.Pair pair, List<String> tagKeys,
            String currency, YearMonth month, Map<RowKey, BigDecimal> sums) {
        Map<String, BigDecimal> untaggedByService = Map.of();
        for (int i = 0; i < tagKeys.size(); i++) {
            String tagKey = tagKeys.get(i);
            boolean last = i == tagKeys.size() - 1;
            Map<String, BigDecimal> covered = new LinkedHashMap<>();
            Map<String, BigDecimal> stillUntagged = new LinkedHashMap<>();
            for (CostExplorerPages.Group group : pages.groups(CostExplorerPlan.tagged(pair, tagKeys, i))) {
                requireCurrency(group.unit(), currency, month);
                String service = group.value(CostExplorerPlan.SERVICE);
                covered.merge(service, group.amount(), BigDecimal::add);
                Optional<String> value = group.tagValue(tagKey);
                if (value.isPresent()) {
                    add(sums, group, pair.account(), pair.recordType(), Map.of(tagKey, value.get()));
                } else if (last) {
                    add(sums, group, pair.account(), pair.recordType(), Map.of());
                } else {
                    stillUntagged.merge(service, group.amount(), BigDecimal::add);
                }
            }
            if (i > 0) {
                keepUncovered(untaggedByService, covered, pair, sums);
            }
            untaggedByService = stillUntagged;
            if (stillUntagged.values().stream().allMatch(amount -> amount.signum() == 0)) {
                // Every cost of the pair has an owner already: further keys would be paid for nothing.
                return;
            }
        }
    }

    /** The part of the cost the previous key left untagged that this key's answer did not cover stays untagged. */
    private static void keepUncovered(Map<String, BigDecimal> untaggedBefore, Map<String, BigDecimal> covered,
            CostExplorerPlan.Pair pair, Map<RowKey, BigDecimal> sums) {
        java.util.Set<String> services = new java.util.LinkedHashSet<>(untaggedBefore.keySet());
        services.addAll(covered.keySet());
        for (String service : services) {
            BigDecimal gap = untaggedBefore.getOrDefault(service, BigDecimal.ZERO)
                    .subtract(covered.getOrDefault(service, BigDecimal.ZERO));
            if (gap.signum() != 0) {
                sums.merge(new RowKey(pair.account(), service, pair.recordType(), Map.of()), gap, BigDecimal::add);
            }
        }
    }

    private static void add(Map<RowKey, BigDecimal> sums, CostExplorerPages.Group group, String account,
            String recordType, Map<String, String> tags) {
        sums.merge(new RowKey(account, group.value(CostExplorerPlan.SERVICE), recordType, tags), group.amount(),
                BigDecimal::add);
    }

    private record RowKey(String account, String service, String recordType, Map<String, String> tags) {
    }

    private static void requireCurrency(String unit, String currency, YearMonth month) {
        if (!currency.equals(unit)) {
            throw UserFacingException.usage("Cost Explorer reports " + month + " in both " + currency + " and " + unit
                    + ": a chargeback needs one currency");
        }
    }

    static String metricName(CostMetric metric) {
        return switch (metric) {
            case UNBLENDED -> "UnblendedCost";
            case AMORTIZED -> "AmortizedCost";
            case NET_AMORTIZED -> "NetAmortizedCost";
        };
    }

    private String region() {
        Region region = client.serviceClientConfiguration().region();
        return region == null ? REGION.id() : region.id();
    }

    /**
     * A month Cost Explorer does not have is bad input (exit 2); a refusal or throttling is an AWS failure that leaves
     * the report undone (exit 3), named with the operation, region and account.
     */
    private static UserFacingException explain(CostExplorerException e, YearMonth month, String region) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String fix = switch (code == null ? "" : code) {
            case "AccessDeniedException" -> "grant ce:GetCostAndUsage to these credentials"
                    + " (policies/iam/tally-chargeback-cost-explorer.json; Cost Explorer is read from the management"
                    + " or a member account with billing access), or use --cur";
            case "DataUnavailableException" -> "Cost Explorer has no data for " + month
                    + " (is Cost Explorer enabled, and is the month within its 13 months?)";
            case "BillExpirationException" -> month + " is older than Cost Explorer keeps: use --cur";
            case "LimitExceededException" -> "Cost Explorer throttled the requests even after retries: retry later";
            default -> "check the request and retry";
        };
        int exit = "DataUnavailableException".equals(code) || "BillExpirationException".equals(code)
                ? ExitCode.USAGE : ExitCode.INCOMPLETE;
        return new UserFacingException(exit, "Cost Explorer refused the report for " + month + ": "
                + AwsFailure.describe(SERVICE, OPERATION, region, Optional.empty(), e) + ": " + fix, e);
    }
}
