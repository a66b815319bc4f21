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
 * <p>Cost Explorer groups by at most two keys per request; a third would cost a request per service on top of each
 * (account, record type) pair, so this source takes at most one tag key. Several keys need the CUR source.
 */
public final class CostExplorerSource implements CostSource {
    /** Changes whenever the plan or the row shape changes, so old cache entries are not served. */
    static final String GROUPING = "ce-v1:account,record_type,service,tag";
    /** Cost Explorer's API is served from us-east-1 for the commercial partition. */
    public static final Region REGION = Region.US_EAST_1;
    /** How failures name the call (the SDK's service name and the operation). */
    static final String SERVICE = "CostExplorer";
    static final String OPERATION = "GetCostAndUsage";

    private final CostExplorerClient client;
    private final Optional<MonthlyCostCache> cache;
    private final String cacheScope;

    /**
     * @param client     a Cost Explorer client (region {@link #REGION})
     * @param cache      where closed months are kept, or empty for no cache
     * @param cacheScope whose bill this is (payer account id or profile name): part of the cache key
     */
    public CostExplorerSource(CostExplorerClient client, Optional<MonthlyCostCache> cache, String cacheScope) {
        this.client = client;
        this.cache = cache;
        this.cacheScope = cacheScope;
    }

    /** A source with a client built the CLI's way (profile, adaptive retries, API call counting). */
    public static CostExplorerSource create(AwsSettings settings, Optional<MonthlyCostCache> cache, String scope) {
        return new CostExplorerSource(settings.build(CostExplorerClient.builder(), REGION), cache, scope);
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        if (tagKeys.size() > 1) {
            throw UserFacingException.usage("Cost Explorer can group by only one tag key per request alongside "
                    + "account and service, and " + tagKeys + " are " + tagKeys.size()
                    + ": pass one --tag-key, or use --cur with a CUR 2.0 export for several keys");
        }
        CacheKey key = new CacheKey(cacheScope, month, metric, tagKeys, GROUPING);
        Optional<MonthlyCost> cached = cache.flatMap(c -> c.get(key));
        if (cached.isPresent()) {
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
            CostExplorerPages.Total total = pages.total();
            List<CostExplorerPlan.Pair> pairs = pages.groups(CostExplorerPlan.pairs()).stream()
                    .map(g -> new CostExplorerPlan.Pair(g.value(CostExplorerPlan.ACCOUNT),
                            g.value(CostExplorerPlan.RECORD_TYPE), g.amount()))
                    .toList();
            Map<RowKey, BigDecimal> sums = new LinkedHashMap<>();
            for (CeQuery query : CostExplorerPlan.detail(pairs, tagKeys)) {
                for (CostExplorerPages.Group group : pages.groups(query)) {
                    requireCurrency(group.unit(), total.currency(), month);
                    Map<String, String> tags = new LinkedHashMap<>();
                    for (String tagKey : tagKeys) {
                        group.tagValue(tagKey).ifPresent(v -> tags.put(tagKey, v));
                    }
                    String service = group.value(CostExplorerPlan.SERVICE);
                    sums.merge(new RowKey(group.value(CostExplorerPlan.ACCOUNT), service,
                            group.value(CostExplorerPlan.RECORD_TYPE), Map.copyOf(tags)), group.amount(),
                            BigDecimal::add);
                }
            }
            List<CostRow> rows = new ArrayList<>();
            sums.forEach((k, amount) -> {
                if (amount.signum() != 0) {
                    rows.add(new CostRow(k.account(), k.service(), RecordTypes.kindOf(k.recordType(), k.service()),
                            k.tags(), amount, total.currency()));
                }
            });
            return new MonthlyCost(month, metric, rows, total.amount(), total.currency(), !total.estimated(),
                    "Cost Explorer (" + pages.requests() + " requests, USD " + BigDecimal.valueOf(pages.requests(), 2)
                            + ")");
        } catch (CostExplorerException e) {
            throw explain(e, month, region());
        } catch (SdkException e) {
            throw UserFacingException.incomplete("Cost Explorer request failed for " + month + ": "
                    + AwsFailure.describe(SERVICE, OPERATION, region(), Optional.empty(), e)
                    + " (check network access and credentials, then retry)", e);
        }
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
            case "AccessDeniedException" -> "grant ce:GetCostAndUsage to these credentials (Cost Explorer is read "
                    + "from the management or a member account with billing access), or use --cur";
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
