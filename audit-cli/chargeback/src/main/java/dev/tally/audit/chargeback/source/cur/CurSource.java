package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Costs from an AWS Data Exports export, CUR 2.0 or FOCUS 1.2 (told apart by their columns; Parquet or gzipped CSV),
 * aggregated by embedded DuckDB, the one local engine. The month is summed in SQL, so memory depends on the number of (account, service, type, tag values) groups,
 * not on the number of line items. DuckDB reads only the columns the query names, skips Parquet row groups by their
 * statistics, and, when the files lie in Data Exports' {@code BILLING_PERIOD=YYYY-MM/} folders, leaves the other
 * months' files unopened (the query names the partition).
 *
 * <p>The grouped rows and the reconciliation total are two separately planned aggregates over the same files: a
 * mistake in grouping (a tag value read wrongly) cannot move the total with it.
 *
 * <p>A month is <em>closed</em> when every one of its line items carries a {@code bill_invoice_id}: AWS fills it in
 * when the invoice is issued (early the next month), and no charge arrives for the period after that.
 */
public final class CurSource implements CostSource {
    /** The engine name in {@link CurLoad#engine()}. */
    public static final String ENGINE = "duckdb";
    private final List<Path> inputs;
    private final DuckDbSettings settings;

    /** @param inputs CUR export folders (searched recursively) or files */
    public CurSource(List<Path> inputs, DuckDbSettings settings) {
        this.inputs = List.copyOf(inputs);
        this.settings = settings;
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        return loadWithStats(month, metric, tagKeys).cost();
    }

    /** {@link #load} plus the number of line items aggregated (for the benchmark and the report's provenance). */
    public CurLoad loadWithStats(YearMonth month, CostMetric metric, List<String> tagKeys) {
        CurFiles files = CurFiles.resolve(inputs);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            configure(duckdb, settings);
            // Each file's header first, so a broken file is named on its own rather than by the view over all.
            CurSchema described = CurSchema.describe(duckdb, files);
            ExportSchema export = ExportSchema.detect(described);
            boolean tagged = !tagKeys.isEmpty();
            MonthQuery query;
            List<CurTag> tags;
            if (export == ExportSchema.FOCUS_1_2) {
                requireFocusMetric(metric);
                CurSchema schema = described.require(FocusColumns.required(metric, tagged), export.label(),
                        "FOCUS 1.2 with AWS columns");
                execute(duckdb, "CREATE VIEW cur AS " + focusView(files, schema));
                tags = tagKeys.stream().map(FocusAggregationQuery::tag).toList();
                query = new FocusAggregationQuery("cur", month, metric, tags, files.partitioned());
            } else {
                CurSchema schema = described.require(CurColumns.required(metric, tagged));
                execute(duckdb, "CREATE VIEW cur AS " + curView(files));
                Set<String> net = new TreeSet<>(CurColumns.NET_COLUMNS);
                net.retainAll(schema.columns().keySet());
                tags = tagKeys.stream().map(CurTag::of).toList();
                query = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", month, metric, tags, schema.tagEncoding(),
                        net, files.partitioned());
            }
            CurMonthAggregate aggregate = SqlMonthAggregator.aggregate(duckdb, query, ENGINE);
            String where = "the " + export.label() + " export " + describe(files);
            String currency = CurMonthCosts.currency(aggregate, month, where,
                    () -> files.partitioned() ? String.join(", ", files.partitions()) : billingPeriods(duckdb, export));
            List<CostRow> rows = CurMonthCosts.rows(aggregate, tags, currency,
                    export == ExportSchema.FOCUS_1_2 ? FocusChargeKinds::kindOf : LineItemKinds::kindOf);
            checkTagKeysExist(duckdb, export, described, CurMonthCosts.unseen(tags, rows));
            MonthlyCost cost = new MonthlyCost(month, metric, rows, aggregate.total(), currency,
                    aggregate.uninvoicedLineItems() == 0,
                    (export == ExportSchema.FOCUS_1_2 ? "FOCUS 1.2 " : "CUR ") + describe(files)
                            + ", aggregated by DuckDB");
            return new CurLoad(cost, aggregate.lineItems(), ENGINE);
        } catch (SQLException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot aggregate the files " + describe(files) + ": "
                    + DuckDbErrors.firstLine(e), e);
        }
    }

    /** FOCUS's EffectiveCost is already net of discounts: there is no separate net amortized figure to report. */
    private static void requireFocusMetric(CostMetric metric) {
        if (metric == CostMetric.NET_AMORTIZED) {
            throw UserFacingException.usage("--metric net-amortized has no FOCUS 1.2 column: FOCUS's EffectiveCost is"
                    + " the amortized cost after discounts; use --metric amortized (EffectiveCost) or unblended"
                    + " (BilledCost)");
        }
    }

    /**
     * Every CUR file as one relation whose billing period is a TIMESTAMP: Parquet's already is; CSV's text is cast
     * here, once, so the month's query compares the bare column (see {@link SqlDialect#DUCKDB}).
     */
    private static String curView(CurFiles files) {
        String reader = CurSchema.reader(files.format(), files.files(), files.partitioned());
        return files.format() == CurFiles.Format.CSV
                ? "SELECT * REPLACE (CAST(" + CurColumns.BILLING_PERIOD_START + " AS TIMESTAMP) AS "
                        + CurColumns.BILLING_PERIOD_START + ") FROM " + reader
                : "SELECT * FROM " + reader;
    }

    /** Every FOCUS file as one relation: the period a TIMESTAMP and {@code Tags} a map, whatever the format. */
    private static String focusView(CurFiles files, CurSchema schema) {
        String reader = CurSchema.reader(files.format(), files.files(), files.partitioned());
        List<String> replace = new ArrayList<>();
        if (files.format() == CurFiles.Format.CSV) {
            replace.add("CAST(" + FocusColumns.BILLING_PERIOD_START + " AS TIMESTAMP) AS "
                    + FocusColumns.BILLING_PERIOD_START);
        }
        String tags = FocusColumns.TAGS.toLowerCase(Locale.ROOT);
        if (schema.columns().containsKey(tags) && schema.tagEncoding(tags) == TagEncoding.JSON_TEXT) {
            // CSV holds Tags as JSON text; a JSON true (a key without a value) becomes the text 'true'.
            replace.add("CAST(CAST(NULLIF(" + FocusColumns.TAGS + ", '') AS JSON) AS MAP(VARCHAR, VARCHAR)) AS "
                    + FocusColumns.TAGS);
        }
        return replace.isEmpty() ? "SELECT * FROM " + reader
                : "SELECT * REPLACE (" + String.join(", ", replace) + ") FROM " + reader;
    }

    /** Threads, UTC, and the memory limit past which DuckDB spills aggregation state to disk. */
    static void configure(Connection duckdb, DuckDbSettings settings) throws SQLException {
        execute(duckdb, "SET threads = " + settings.threads());
        execute(duckdb, "SET TimeZone = 'UTC'");
        // Row order is imposed by ORDER BY where it matters; not preserving it lets scans run freely in parallel.
        execute(duckdb, "SET preserve_insertion_order = false");
        if (settings.memoryLimit().isPresent()) {
            execute(duckdb, "SET memory_limit = " + SqlDialect.literal(settings.memoryLimit().get()));
        }
    }

    /** A requested key that tags nothing is either a typo or a tag not activated for cost allocation: say which. */
    private static void checkTagKeysExist(Connection duckdb, ExportSchema export, CurSchema schema,
            List<CurTag> unseen) throws SQLException {
        if (unseen.isEmpty()) {
            return;
        }
        boolean focus = export == ExportSchema.FOCUS_1_2;
        String column = focus ? FocusColumns.TAGS : CurColumns.RESOURCE_TAGS;
        // The FOCUS view already holds Tags as a map; a CUR CSV's resource_tags is JSON text.
        String keysOf = focus || schema.tagEncoding() == TagEncoding.MAP ? "map_keys(" + column + ")"
                : "json_keys(" + column + ")";
        Set<String> known = new TreeSet<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DISTINCT unnest(" + keysOf + ") AS k FROM cur")) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        // FOCUS keys match in any case, CUR keys exactly (as the queries look them up).
        Set<String> comparable = new TreeSet<>();
        known.forEach(k -> comparable.add(focus ? k.toLowerCase(Locale.ROOT) : k));
        List<String> unknown = unseen.stream().filter(tag -> tag.candidates().stream().noneMatch(comparable::contains))
                .map(tag -> tag.requested() + " (looked for " + String.join(", ", tag.candidates())
                        + (focus ? ", in any case" : "") + ")").toList();
        if (!unknown.isEmpty()) {
            throw UserFacingException.usage("unknown tag key " + String.join(", ", unknown) + ": the "
                    + (focus ? "FOCUS export's Tags" : "CUR's resource_tags") + " has "
                    + (known.isEmpty() ? "no keys at all" : String.join(", ", known)) + ". Use one of those (the "
                    + (focus ? "user:" : "user_") + " prefix may be left out), or activate the tag as a cost"
                    + " allocation tag in the Billing console.");
        }
    }

    /** The months present in the rows, for the message of an empty month outside partition folders. */
    private static String billingPeriods(Connection duckdb, ExportSchema export) {
        String column = export == ExportSchema.FOCUS_1_2 ? FocusColumns.BILLING_PERIOD_START
                : CurColumns.BILLING_PERIOD_START;
        List<String> periods = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT DISTINCT strftime(" + column + ", '%Y-%m') FROM cur ORDER BY 1")) {
            while (rs.next()) {
                periods.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return "unknown: " + DuckDbErrors.firstLine(e);
        }
        return periods.isEmpty() ? "none" : String.join(", ", periods);
    }

    static void execute(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private String describe(CurFiles files) {
        return files.files().size() == 1 ? files.files().get(0).toString()
                : inputs + " (" + files.files().size() + " " + files.format() + " files)";
    }
}
