package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
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
import java.util.TreeSet;

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
            configure(duckdb);
            CurSchema schema = CurSchema.inspect(duckdb, files, CurColumns.required(metric, !tags.isEmpty()));
            execute(duckdb, "CREATE VIEW cur AS SELECT * FROM " + CurSchema.reader(files.format(), files.files()));
            Set<String> net = new TreeSet<>(CurColumns.NET_COLUMNS);
            net.retainAll(schema.columns().keySet());
            CurAggregationQuery query = new CurAggregationQuery(SqlDialect.DUCKDB, "cur", month, metric, tags,
                    schema.tagEncoding(), net);
            MonthTotal total = total(duckdb, query, files);
            List<CostRow> rows = rows(duckdb, query, total.currency());
            checkTagKeysExist(duckdb, tags, rows, schema.tagEncoding());
            MonthlyCost cost = new MonthlyCost(month, metric, rows, total.amount(), total.currency(),
                    total.uninvoicedLineItems() == 0, "CUR " + describe(files));
            return new CurLoad(cost, total.lineItems());
        } catch (SQLException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot aggregate the CUR files " + describe(files) + ": "
                    + DuckDbErrors.firstLine(e), e);
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

    private record MonthTotal(BigDecimal amount, long lineItems, String currency, long uninvoicedLineItems) {
    }

    private MonthTotal total(Connection duckdb, CurAggregationQuery query, CurFiles files) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(query.totalSql())) {
            rs.next();
            long lineItems = rs.getLong("line_items");
            if (lineItems == 0) {
                throw UserFacingException.usage("the CUR " + describe(files) + " has no line items for "
                        + query.month() + " (billing periods present: " + billingPeriods(duckdb)
                        + "): pick one of those months or add that month's export");
            }
            if (rs.getLong("currencies") > 1) {
                throw UserFacingException.usage("the CUR mixes currencies in " + query.month() + " ("
                        + rs.getString("currency") + ", " + rs.getString("other_currency")
                        + "): a chargeback needs one currency; export each payer's CUR separately");
            }
            String currency = rs.getString("currency");
            if (currency == null || currency.isBlank()) {
                throw UserFacingException.usage("the CUR has no line_item_currency_code for " + query.month()
                        + ": the export is incomplete");
            }
            return new MonthTotal(rs.getBigDecimal("total"), lineItems, currency, rs.getLong("uninvoiced_line_items"));
        }
    }

    private static List<CostRow> rows(Connection duckdb, CurAggregationQuery query, String currency)
            throws SQLException {
        record Key(String account, String service, ChargeKind kind, Map<String, String> tags) {
        }
        Map<Key, BigDecimal> sums = new LinkedHashMap<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rs = statement.executeQuery(query.groupedSql())) {
            // Columns by position (account, service, type, tag_0..tag_n, amount): no name lookup per row.
            int tagCount = query.tags().size();
            while (rs.next()) {
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < tagCount; i++) {
                    String value = rs.getString(4 + i);
                    if (value != null) {
                        tags.put(query.tags().get(i).requested(), value);
                    }
                }
                String account = nullToEmpty(rs.getString(1));
                String service = nullToEmpty(rs.getString(2));
                ChargeKind kind = LineItemKinds.kindOf(rs.getString(3), service);
                sums.merge(new Key(account, service, kind, Map.copyOf(tags)), rs.getBigDecimal(4 + tagCount),
                        BigDecimal::add);
            }
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
    private static void checkTagKeysExist(Connection duckdb, List<CurTag> tags, List<CostRow> rows,
            TagEncoding encoding) throws SQLException {
        List<CurTag> unseen = tags.stream()
                .filter(tag -> rows.stream().noneMatch(row -> row.tags().containsKey(tag.requested())))
                .toList();
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
