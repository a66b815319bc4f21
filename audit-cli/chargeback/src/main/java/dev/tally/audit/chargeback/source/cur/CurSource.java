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
import java.util.Set;
import java.util.TreeSet;

/**
 * Costs from a CUR 2.0 export (AWS Data Exports; Parquet or gzipped CSV), aggregated by embedded DuckDB, the one local
 * engine. The month is summed in SQL, so memory depends on the number of (account, service, type, tag values) groups,
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
        List<CurTag> tags = tagKeys.stream().map(CurTag::of).toList();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            configure(duckdb, settings);
            // Each file's header first, so a broken file is named on its own rather than by the view over all.
            CurSchema schema = CurSchema.describe(duckdb, files).require(CurColumns.required(metric, !tags.isEmpty()));
            execute(duckdb, "CREATE VIEW cur AS SELECT * FROM "
                    + CurSchema.reader(files.format(), files.files(), files.partitioned()));
            Set<String> net = new TreeSet<>(CurColumns.NET_COLUMNS);
            net.retainAll(schema.columns().keySet());
            CurAggregationQuery query = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", month, metric, tags,
                    schema.tagEncoding(), net, files.partitioned());
            CurMonthAggregate aggregate = SqlMonthAggregator.aggregate(duckdb, query, ENGINE);
            String where = "the CUR " + describe(files);
            String currency = CurMonthCosts.currency(aggregate, month, where, () -> billingPeriods(duckdb));
            List<CostRow> rows = CurMonthCosts.rows(aggregate, tags, currency, LineItemKinds::kindOf);
            checkTagKeysExist(duckdb, schema.tagEncoding(), CurMonthCosts.unseen(tags, rows));
            MonthlyCost cost = new MonthlyCost(month, metric, rows, aggregate.total(), currency,
                    aggregate.uninvoicedLineItems() == 0, "CUR " + describe(files) + ", aggregated by DuckDB");
            return new CurLoad(cost, aggregate.lineItems(), ENGINE);
        } catch (SQLException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot aggregate the CUR files " + describe(files) + ": "
                    + DuckDbErrors.firstLine(e), e);
        }
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
    private static void checkTagKeysExist(Connection duckdb, TagEncoding encoding, List<CurTag> unseen)
            throws SQLException {
        if (unseen.isEmpty()) {
            return;
        }
        String keysOf = encoding == TagEncoding.MAP ? "map_keys(resource_tags)" : "json_keys(resource_tags)";
        Set<String> known = new TreeSet<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DISTINCT unnest(" + keysOf + ") AS k FROM cur")) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        List<String> unknown = unseen.stream().filter(tag -> tag.candidates().stream().noneMatch(known::contains))
                .map(tag -> tag.requested() + " (looked for " + String.join(", ", tag.candidates()) + ")").toList();
        if (!unknown.isEmpty()) {
            throw UserFacingException.usage("unknown tag key " + String.join(", ", unknown)
                    + ": the CUR's resource_tags has " + (known.isEmpty() ? "no keys at all" : String.join(", ", known))
                    + ". Use one of those (the user_ prefix may be left out), or activate the tag as a"
                    + " cost allocation tag in the Billing console.");
        }
    }

    /** The months present in the rows (not the folders), for the message of an empty month. */
    private static String billingPeriods(Connection duckdb) {
        List<String> periods = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT DISTINCT strftime(CAST(" + CurColumns.BILLING_PERIOD_START
                        + " AS TIMESTAMP), '%Y-%m') FROM cur ORDER BY 1")) {
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
