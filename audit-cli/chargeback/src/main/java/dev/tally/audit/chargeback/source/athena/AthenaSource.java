package dev.tally.audit.chargeback.source.athena;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.source.cur.AthenaQuery;
import dev.tally.audit.chargeback.source.cur.CurAggregationQuery;
import dev.tally.audit.chargeback.source.cur.CurColumns;
import dev.tally.audit.chargeback.source.cur.CurGroup;
import dev.tally.audit.chargeback.source.cur.CurMonthAggregate;
import dev.tally.audit.chargeback.source.cur.CurMonthCosts;
import dev.tally.audit.chargeback.source.cur.CurTag;
import dev.tally.audit.chargeback.source.cur.LineItemKinds;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;

/**
 * Costs from the CUR 2.0 table in Amazon Athena, for an organisation whose CUR outgrows one machine: the same grouped
 * and total queries the local engine runs ({@link CurAggregationQuery}, Athena dialect), executed through the SDK,
 * restricted to the month's {@code billing_period} partition so Athena scans one month, not the history. Their rows
 * feed allocation, reconciliation and the report exactly as DuckDB's do; the report's source line states the data
 * scanned and what it cost.
 *
 * <p>Two queries per month (the total, then the groups: two separately planned aggregates, as locally); a third only
 * to explain an empty month (the partitions present) or a tag key that tags nothing (the keys present).
 */
public final class AthenaSource implements CostSource {
    /** The engine name, as {@code CurLoad} names engines. */
    public static final String ENGINE = "athena";
    private final AthenaQueryRunner runner;
    private final String table;

    /**
     * @param athena         a client for the table's region
     * @param table          {@code database.table} (or {@code catalog.database.table}) of the CUR 2.0 export
     * @param workGroup      the workgroup to run in, or empty for {@code primary}
     * @param outputLocation {@code s3://bucket/prefix/} for query results, or empty for the workgroup's
     */
    public AthenaSource(AthenaClient athena, String table, Optional<String> workGroup, Optional<String> outputLocation,
            AthenaPolling polling) {
        this(athena, table, workGroup, outputLocation, polling, d -> Thread.sleep(d.toMillis()));
    }

    AthenaSource(AthenaClient athena, String table, Optional<String> workGroup, Optional<String> outputLocation,
            AthenaPolling polling, AthenaQueryRunner.Sleeper sleeper) {
        // Validated here (the query refuses anything but [catalog.]database.table) before any request is made.
        AthenaQuery.query(table, YearMonth.of(2000, 1), CostMetric.UNBLENDED, List.of());
        outputLocation.ifPresent(AthenaSource::requireS3Location);
        this.runner = new AthenaQueryRunner(athena, workGroup, outputLocation, polling, sleeper);
        this.table = table;
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        CurAggregationQuery query = AthenaQuery.query(table, month, metric, tagKeys);
        Scans scans = new Scans();
        try {
            AthenaResult total = scans.add(runner.run(query.totalSql(), "the total for " + month));
            CurMonthAggregate aggregate = aggregate(query, total, month, scans);
            String where = "the Athena table " + table;
            String currency = CurMonthCosts.currency(aggregate, month, where, () -> partitions(scans));
            List<CostRow> rows = CurMonthCosts.rows(aggregate, query.tags(), currency, LineItemKinds::kindOf);
            checkTagKeysExist(query, CurMonthCosts.unseen(query.tags(), rows), month, scans);
            return new MonthlyCost(month, metric, rows, aggregate.total(), currency,
                    aggregate.uninvoicedLineItems() == 0, "Athena " + table + " (" + CurAggregationQuery.PARTITION
                            + " " + month + "; " + scans.describe() + ")");
        } catch (AthenaException e) {
            throw explain(e, month);
        } catch (SdkException e) {
            throw new UserFacingException(ExitCode.INCOMPLETE, "Athena request failed for " + month + ": "
                    + e.getMessage() + " (check network access, region and credentials, then retry)", e);
        }
    }

    private CurMonthAggregate aggregate(CurAggregationQuery query, AthenaResult total, YearMonth month, Scans scans) {
        List<String> totals = total.rows().isEmpty() ? List.of() : total.rows().get(0);
        long lineItems = totals.isEmpty() ? 0 : longValue(totals.get(total.column("line_items")));
        SortedSet<String> currencies = new TreeSet<>();
        for (String column : List.of("currency", "other_currency")) {
            String value = totals.isEmpty() ? null : totals.get(total.column(column));
            if (value != null) {
                currencies.add(value);
            }
        }
        List<CurGroup> groups = new ArrayList<>();
        if (lineItems > 0) {
            AthenaResult grouped = scans.add(runner.run(query.groupedSql(), "the grouped query for " + month));
            int tagCount = query.tags().size();
            int account = grouped.column("account_id");
            int service = grouped.column("service");
            int type = grouped.column("line_item_type");
            int amount = grouped.column("amount");
            int count = grouped.column("line_items");
            for (List<String> row : grouped.rows()) {
                List<String> tags = new ArrayList<>(tagCount);
                for (int i = 0; i < tagCount; i++) {
                    tags.add(row.get(grouped.column("tag_" + i)));
                }
                groups.add(new CurGroup(row.get(account), row.get(service), row.get(type), tags,
                        decimal(row.get(amount)), longValue(row.get(count))));
            }
        }
        BigDecimal sum = totals.isEmpty() ? null : decimal(totals.get(total.column("total")));
        long uninvoiced = totals.isEmpty() ? 0 : longValue(totals.get(total.column("uninvoiced_line_items")));
        return new CurMonthAggregate(groups, sum == null ? BigDecimal.ZERO : sum, lineItems, currencies, uninvoiced,
                ENGINE);
    }

    /** The partitions present, for the message of an empty month (a query on partition values only). */
    private String partitions(Scans scans) {
        AthenaResult result = scans.add(runner.run(partitionsSql(table), "the billing periods present"));
        List<String> periods = result.rows().stream().map(row -> row.get(0)).toList();
        return periods.isEmpty() ? "none" : String.join(", ", periods);
    }

    /** The partitions present (the table's months), for the message of an empty month. */
    public static String partitionsSql(String table) {
        return "SELECT DISTINCT " + CurAggregationQuery.PARTITION + " FROM " + table + " ORDER BY 1";
    }

    /** The {@code resource_tags} keys of the month, for a tag key that tags nothing. */
    public static String tagKeysSql(String table, YearMonth month) {
        return "SELECT DISTINCT tag_key FROM " + table + " CROSS JOIN UNNEST(map_keys(" + CurColumns.RESOURCE_TAGS
                + ")) AS keys(tag_key) WHERE " + CurAggregationQuery.PARTITION + " = '" + month + "' ORDER BY 1";
    }

    private void checkTagKeysExist(CurAggregationQuery query, List<CurTag> unseen, YearMonth month, Scans scans) {
        if (unseen.isEmpty()) {
            return;
        }
        AthenaResult result = scans.add(runner.run(tagKeysSql(table, month), "the tag keys of " + month));
        Set<String> known = new TreeSet<>();
        result.rows().forEach(row -> known.add(row.get(0)));
        List<String> unknown = unseen.stream().filter(tag -> tag.candidates().stream().noneMatch(known::contains))
                .map(tag -> tag.requested() + " (looked for " + String.join(", ", tag.candidates()) + ")").toList();
        if (!unknown.isEmpty()) {
            throw UserFacingException.usage("unknown tag key " + String.join(", ", unknown) + ": resource_tags in "
                    + table + " has " + (known.isEmpty() ? "no keys at all" : String.join(", ", known)) + " in "
                    + month + ". Use one of those (the user_ prefix may be left out), or activate the tag as a cost"
                    + " allocation tag in the Billing console.");
        }
    }

    private static UserFacingException explain(AthenaException e, YearMonth month) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String fix = switch (code) {
            case "AccessDeniedException" -> "grant the chargeback policy's Athena, Glue and S3 permissions "
                    + "(policies/iam/tally-chargeback-athena.json) to these credentials";
            case "InvalidRequestException" -> "check --athena-workgroup, and give --athena-output s3://bucket/prefix/"
                    + " unless the workgroup sets a query result location";
            case "TooManyRequestsException" -> "Athena throttled the requests even after retries: retry later";
            default -> "check the request and retry";
        };
        return new UserFacingException(ExitCode.INCOMPLETE, "Athena refused the query for " + month + " ("
                + code + ": " + detail + "): " + fix, e);
    }

    private static void requireS3Location(String location) {
        if (!location.startsWith("s3://") || location.length() <= "s3://".length()) {
            throw UserFacingException.usage("--athena-output '" + location
                    + "' is not an S3 location: give s3://bucket/prefix/ for Athena's query results");
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    }

    private static long longValue(String text) {
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
    }

    /** The queries run for one month and what they scanned and cost. */
    private static final class Scans {
        private int queries;
        private long bytes;
        private BigDecimal usd = BigDecimal.ZERO;

        AthenaResult add(AthenaResult result) {
            queries++;
            bytes += result.bytesScanned();
            usd = usd.add(AthenaScanPrice.usd(result.bytesScanned()));
            return result;
        }

        String describe() {
            return queries + (queries == 1 ? " query, " : " queries, ") + AthenaScanPrice.humanBytes(bytes)
                    + " scanned, USD " + usd.stripTrailingZeros().toPlainString();
        }
    }
}
