package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.chargeback.source.cur.direct.BillingPeriods;
import dev.tally.audit.chargeback.source.cur.direct.DirectParquetAggregator;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Costs from a CUR 2.0 export (AWS Data Exports; Parquet or gzipped CSV), aggregated by embedded DuckDB. The month is
 * summed in SQL, so memory depends on the number of (account, service, type, tag values) groups, not on the number of
 * line items; only the needed columns are read.
 *
 * <p>A month is <em>closed</em> when every one of its line items carries a {@code bill_invoice_id}: AWS fills it in
 * when the invoice is issued (early the next month), and no charge arrives for the period after that.
 */
public final class CurSource implements CostSource {
    private final List<Path> inputs;
    private final DuckDbSettings settings;
    private final CurEngine engine;

    /** @param inputs CUR export folders (searched recursively) or files */
    public CurSource(List<Path> inputs, DuckDbSettings settings) {
        this(inputs, settings, CurEngine.AUTO);
    }

    /**
     * @param inputs CUR export folders (searched recursively) or files
     * @param engine {@link CurEngine#DUCKDB} to aggregate with DuckDB SQL even where the direct Parquet path applies
     */
    public CurSource(List<Path> inputs, DuckDbSettings settings, CurEngine engine) {
        this.inputs = List.copyOf(inputs);
        this.settings = settings;
        this.engine = engine;
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        return loadWithStats(month, metric, tagKeys).cost();
    }

    /** {@link #load} plus the number of line items aggregated (for the benchmark and the report's provenance). */
    public CurLoad loadWithStats(YearMonth month, CostMetric metric, List<String> tagKeys) {
        CurFiles files = CurFiles.resolve(inputs);
        List<CurTag> tags = tagKeys.stream().map(CurTag::of).toList();
        // DuckDB starts only when needed: for CSV, as the fallback, or to explain an empty month or an unknown tag.
        try (LazyDuckDb duckdb = new LazyDuckDb(() -> open(files))) {
            CurMonthAggregate aggregate = aggregate(duckdb, files, month, metric, tags);
            String currency = checkTotal(duckdb, aggregate, month, files);
            List<CostRow> rows = rows(aggregate, tags, currency);
            checkTagKeysExist(duckdb, tags, rows);
            MonthlyCost cost = new MonthlyCost(month, metric, rows, aggregate.total(), currency,
                    aggregate.uninvoicedLineItems() == 0, "CUR " + describe(files) + ", " + engineNote(aggregate));
            return new CurLoad(cost, aggregate.lineItems(), aggregate.engine());
        } catch (SQLException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot aggregate the CUR files " + describe(files) + ": "
                    + DuckDbErrors.firstLine(e), e);
        }
    }

    /**
     * Parquet goes through the direct reader (dictionary ids, one pass); anything it does not handle, CSV, or
     * {@link CurEngine#DUCKDB} goes through DuckDB SQL, which also names missing columns and bad files to the user.
     * Both give the same groups and total ({@code DirectParquetAggregatorTest} holds them to it).
     */
    private CurMonthAggregate aggregate(LazyDuckDb duckdb, CurFiles files, YearMonth month, CostMetric metric,
            List<CurTag> tags) throws SQLException {
        String engineName = SqlMonthAggregator.ENGINE;
        if (engine == CurEngine.AUTO && files.format() == CurFiles.Format.PARQUET) {
            try {
                // Net columns a file lacks read as NULL there, as union_by_name makes them for DuckDB.
                return new DirectParquetAggregator(files.files(), settings.threads())
                        .aggregate(month, metric, tags, Set.copyOf(CurColumns.NET_COLUMNS));
            } catch (UnsupportedParquetException e) {
                engineName += " (direct Parquet reader: " + e.getMessage() + ")";
            } catch (IOException e) {
                // DuckDB reads it again and, if the file really is broken, says so in its own words.
                engineName += " (direct Parquet reader: cannot read: " + e.getMessage() + ")";
            }
        }
        LazyDuckDb.Session session = duckdb.get();
        CurSchema schema = session.schema().require(CurColumns.required(metric, !tags.isEmpty()));
        Set<String> net = new TreeSet<>(CurColumns.NET_COLUMNS);
        net.retainAll(schema.columns().keySet());
        CurAggregationQuery query = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", month, metric, tags,
                schema.tagEncoding(), net);
        return SqlMonthAggregator.aggregate(session.connection(), query, engineName);
    }

    /** How the figures were computed, for the report's source line (provenance finance can read). */
    private static String engineNote(CurMonthAggregate aggregate) {
        return aggregate.engine().equals(DirectParquetAggregator.ENGINE) ? "read directly"
                : aggregate.engine().replaceFirst("^duckdb", "aggregated by DuckDB");
    }

    /** An in-memory DuckDB with the settings, each file's columns, and the view {@code cur} over the files. */
    private LazyDuckDb.Session open(CurFiles files) throws SQLException {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try {
            configure(duckdb);
            // Each file's header first, so a broken file is named on its own rather than by the view over all.
            CurSchema schema = CurSchema.describe(duckdb, files);
            execute(duckdb, "CREATE VIEW cur AS SELECT * FROM " + CurSchema.reader(files.format(), files.files()));
            return new LazyDuckDb.Session(duckdb, schema);
        } catch (SQLException | RuntimeException e) {
            duckdb.close();
            throw e;
        }
    }

    private void configure(Connection duckdb) throws SQLException {
        execute(duckdb, "SET threads = " + settings.threads());
        execute(duckdb, "SET TimeZone = 'UTC'");
        // Row order is imposed by ORDER BY where it matters; not preserving it lets scans run freely in parallel.
        execute(duckdb, "SET preserve_insertion_order = false");
        if (settings.memoryLimit().isPresent()) {
            execute(duckdb, "SET memory_limit = " + SqlDialect.literal(settings.memoryLimit().get()));
        }
    }

    /** The month's single currency, or the error that stops the report. */
    private String checkTotal(LazyDuckDb duckdb, CurMonthAggregate aggregate, YearMonth month, CurFiles files)
            throws SQLException {
        if (aggregate.lineItems() == 0) {
            throw UserFacingException.usage("the CUR " + describe(files) + " has no line items for " + month
                    + " (billing periods present: " + billingPeriods(duckdb, files, aggregate)
                    + "): pick one of those months or add that month's export");
        }
        if (aggregate.currencies().size() > 1) {
            // The smallest and largest, as both engines know them (the SQL total keeps only MIN and MAX).
            throw UserFacingException.usage("the CUR mixes currencies in " + month + " ("
                    + aggregate.currencies().first() + ", " + aggregate.currencies().last()
                    + "): a chargeback needs one currency; export each payer's CUR separately");
        }
        String currency = aggregate.singleCurrency().orElse("");
        if (currency.isBlank()) {
            throw UserFacingException.usage("the CUR has no line_item_currency_code for " + month
                    + ": the export is incomplete");
        }
        return currency;
    }

    private static List<CostRow> rows(CurMonthAggregate aggregate, List<CurTag> requested, String currency) {
        record Key(String account, String service, ChargeKind kind, Map<String, String> tags) {
        }
        Map<Key, BigDecimal> sums = new LinkedHashMap<>();
        for (CurGroup group : aggregate.groups()) {
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < requested.size(); i++) {
                String value = group.tagValues().get(i);
                if (value != null) {
                    tags.put(requested.get(i).requested(), value);
                }
            }
            String service = nullToEmpty(group.service());
            ChargeKind kind = LineItemKinds.kindOf(group.lineItemType(), service);
            sums.merge(new Key(nullToEmpty(group.account()), service, kind, Map.copyOf(tags)), group.amount(),
                    BigDecimal::add);
        }
        List<CostRow> rows = new ArrayList<>();
        // Zero-amount groups (for example Savings Plan negations under amortized cost) carry no cost to allocate.
        sums.forEach((k, amount) -> {
            if (amount.signum() != 0) {
                rows.add(new CostRow(k.account(), k.service(), k.kind(), k.tags(), amount, currency));
            }
        });
        return rows;
    }

    /** A requested key that tags nothing is either a typo or a tag not activated for cost allocation: say which. */
    private static void checkTagKeysExist(LazyDuckDb lazy, List<CurTag> tags, List<CostRow> rows)
            throws SQLException {
        List<CurTag> unseen = tags.stream()
                .filter(tag -> rows.stream().noneMatch(row -> row.tags().containsKey(tag.requested())))
                .toList();
        if (unseen.isEmpty()) {
            return;
        }
        // Reached only after an aggregation that read resource_tags, so every file has it.
        Connection duckdb = lazy.get().connection();
        TagEncoding encoding = lazy.get().schema().tagEncoding();
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

    /** The months present: from the Parquet footers and billing column when the direct reader served, else SQL. */
    private static String billingPeriods(LazyDuckDb duckdb, CurFiles files, CurMonthAggregate aggregate)
            throws SQLException {
        if (aggregate.engine().equals(DirectParquetAggregator.ENGINE)) {
            try {
                SortedSet<YearMonth> months = BillingPeriods.of(files.files());
                return months.isEmpty() ? "none" : months.stream().map(YearMonth::toString)
                        .collect(Collectors.joining(", "));
            } catch (UnsupportedParquetException | IOException e) {
                // DuckDB lists them below.
            }
        }
        return billingPeriods(duckdb.get().connection());
    }

    private static String billingPeriods(Connection duckdb) throws SQLException {
        List<String> periods = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT DISTINCT strftime(CAST(" + CurColumns.BILLING_PERIOD_START
                        + " AS TIMESTAMP), '%Y-%m') FROM cur ORDER BY 1")) {
            while (rs.next()) {
                periods.add(rs.getString(1));
            }
        }
        return periods.isEmpty() ? "none" : String.join(", ", periods);
    }

    private static void execute(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(sql);
        }
    }

    private String describe(CurFiles files) {
        return files.files().size() == 1 ? files.files().get(0).toString()
                : inputs + " (" + files.files().size() + " " + files.format() + " files)";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
