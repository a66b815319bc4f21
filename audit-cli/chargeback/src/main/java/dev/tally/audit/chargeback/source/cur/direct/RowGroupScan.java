package dev.tally.audit.chargeback.source.cur.direct;

import static dev.tally.audit.chargeback.source.cur.CurColumns.*;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.CostArm;
import dev.tally.audit.chargeback.source.cur.CurTag;
import dev.tally.audit.chargeback.source.cur.parquet.ColumnChunk;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetColumn;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetFile;
import dev.tally.audit.chargeback.source.cur.parquet.ReadBuffers;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregates one row group of one CUR file into a worker's {@link MonthAccumulator}. Everything per row works on
 * dictionary ids: the line item type's cost arm, the tag keys' candidate ranks and the strings' ids are decided once
 * per dictionary entry, so a row costs a few array reads, one cost and one hash-table add.
 *
 * <p>Semantics are those of {@code CurAggregationQuery}: the month filter on the billing period, the cost expression,
 * {@code NULLIF(COALESCE(map[k1], map[k2], …), '')} per tag, grouping by account, service, type and tag values (NULL
 * a value of its own).
 */
final class RowGroupScan implements ScanTask {
    private static final int UNMAPPED = Integer.MIN_VALUE;
    /** A candidate key the row's map does not have (a NULL value is -1). */
    private static final int UNSEEN = -2;
    private final ParquetFile file;
    private final int rowGroup;
    private final CurFileColumns columns;
    private final MonthWindow window;
    private final CostMetric metric;
    private final List<CurTag> tags;
    private final StringIds ids;
    /** Whether the row group's statistics prove it holds none of the month (then it is never read). */
    private final boolean excluded;
    private ReadBuffers buffers;

    RowGroupScan(ParquetFile file, int rowGroup, CurFileColumns columns, MonthWindow window, CostMetric metric,
            List<CurTag> tags, StringIds ids) {
        this.file = file;
        this.rowGroup = rowGroup;
        this.columns = columns;
        this.window = window;
        this.metric = metric;
        this.tags = tags;
        this.ids = ids;
        this.excluded = window.excludes(columns.billingPeriod(), file.statistics(rowGroup, columns.billingPeriod()));
    }

    /**
     * Heap bytes this scan's chunks take at once, roughly: what one worker holds while it runs. 0 for a row group
     * whose statistics exclude the month (it is skipped unread).
     */
    @Override
    public long heapEstimate() {
        if (excluded) {
            return 0;
        }
        long bytes = file.decodedSizeEstimate(rowGroup, columns.billingPeriod());
        for (ParquetColumn column : columns.strings().values()) {
            bytes += file.decodedSizeEstimate(rowGroup, column);
        }
        for (ParquetColumn column : columns.money().values()) {
            bytes += file.decodedSizeEstimate(rowGroup, column);
        }
        if (!tags.isEmpty()) {
            bytes += file.decodedSizeEstimate(rowGroup, columns.tagKey().orElseThrow());
            bytes += file.decodedSizeEstimate(rowGroup, columns.tagValue().orElseThrow());
        }
        return bytes + file.rowGroupRowCount(rowGroup); // the in-month flags
    }

    /**
     * Adds the row group's line items of the month to {@code accumulator}.
     *
     * @param buffers the worker's reusable arrays (the chunks read here are dead once this returns)
     */
    @Override
    public void into(MonthAccumulator accumulator, ReadBuffers buffers) throws IOException {
        this.buffers = buffers;
        if (excluded) {
            return;
        }
        ParquetColumn billingColumn = columns.billingPeriod();
        int rows = (int) file.rowGroupRowCount(rowGroup);
        boolean[] inMonth = inMonth(flat(read(billingColumn)), rows);
        if (inMonth == null) {
            return;
        }
        Strings account = strings(ACCOUNT);
        Strings service = strings(PRODUCT_CODE);
        Strings type = strings(LINE_ITEM_TYPE);
        Strings currency = strings(CURRENCY);
        Strings invoice = strings(INVOICE_ID);
        Strings reservationArn = metric == CostMetric.UNBLENDED ? null : strings(RI_ARN);
        CostArm[] arms = new CostArm[type.dictionary.length];
        for (int i = 0; i < arms.length; i++) {
            arms[i] = CostArm.of(type.dictionary[i]);
        }
        boolean[] invoiced = nonEmpty(invoice.dictionary);
        boolean[] arnSet = reservationArn == null ? null : nonEmpty(reservationArn.dictionary);
        boolean[] currencySeen = new boolean[currency.dictionary.length];
        RowCost cost = new RowCost(metric, costColumns());
        TagValues tagValues = tags.isEmpty() ? null : new TagValues(
                read(columns.tagKey().orElseThrow()),
                read(columns.tagValue().orElseThrow()), tags);

        int[] key = new int[3 + tags.size()];
        for (int row = 0; row < rows; row++) {
            if (tagValues != null) {
                tagValues.next();
            }
            if (!inMonth[row]) {
                continue;
            }
            int typeId = type.ids[row];
            CostArm arm = typeId < 0 ? CostArm.OTHERWISE : arms[typeId];
            int arnId = arnSet == null ? -1 : reservationArn.ids[row];
            long units = cost.units(row, arm, arnId >= 0 && arnSet[arnId]);
            key[0] = account.global(row);
            key[1] = service.global(row);
            key[2] = type.global(row);
            for (int t = 0; t < tags.size(); t++) {
                key[3 + t] = tagValues.global(t);
            }
            accumulator.groups.add(key, units, 1);
            int invoiceId = invoice.ids[row];
            accumulator.addToTotal(units, invoiceId >= 0 && invoiced[invoiceId]);
            int currencyId = currency.ids[row];
            if (currencyId >= 0) {
                currencySeen[currencyId] = true;
            }
        }
        for (int i = 0; i < currencySeen.length; i++) {
            if (currencySeen[i]) {
                accumulator.addCurrency(currency.dictionary[i]);
            }
        }
    }

    /** Per row, whether it is in the month; {@code null} when no row is (the other columns are then never read). */
    private boolean[] inMonth(ColumnChunk billing, int rows) {
        long[] values = billing.longs();
        boolean[] nulls = billing.nulls();
        boolean[] in = new boolean[rows];
        boolean any = false;
        for (int row = 0; row < rows; row++) {
            in[row] = (nulls == null || !nulls[row])
                    && window.contains(MonthWindow.toMicros(billing.column(), values[row]));
            any |= in[row];
        }
        return any ? in : null;
    }

    private RowCost.CostColumns costColumns() throws IOException {
        return new RowCost.CostColumns(money(UNBLENDED), money(NET_UNBLENDED), money(SP_EFFECTIVE),
                money(SP_NET_EFFECTIVE), money(SP_TOTAL_COMMITMENT), money(SP_USED_COMMITMENT), money(RI_EFFECTIVE),
                money(RI_NET_EFFECTIVE), money(RI_UNUSED_UPFRONT), money(RI_NET_UNUSED_UPFRONT),
                money(RI_UNUSED_RECURRING), money(RI_NET_UNUSED_RECURRING));
    }

    private MoneyColumn money(String name) throws IOException {
        ParquetColumn column = columns.money().get(name);
        return column == null ? MoneyColumn.absent() : MoneyColumn.of(flat(read(column)));
    }

    private Strings strings(String name) throws IOException {
        return new Strings(read(columns.strings().get(name)));
    }

    private ColumnChunk read(ParquetColumn column) throws IOException {
        return file.read(rowGroup, column, buffers);
    }

    /** A flat column has one value per row; anything else is a file this reader does not understand. */
    private ColumnChunk flat(ColumnChunk chunk) {
        if (chunk.size() != file.rowGroupRowCount(rowGroup)) {
            throw new UnsupportedParquetException("column " + String.join(".", chunk.column().path()) + " has "
                    + chunk.size() + " values in a row group of " + file.rowGroupRowCount(rowGroup) + " rows");
        }
        return chunk;
    }

    private static boolean[] nonEmpty(String[] dictionary) {
        boolean[] nonEmpty = new boolean[dictionary.length];
        for (int i = 0; i < dictionary.length; i++) {
            nonEmpty[i] = !dictionary[i].isEmpty();
        }
        return nonEmpty;
    }

    /** A string column chunk whose dictionary entries get their aggregation-wide id on first use. */
    private final class Strings {
        final int[] ids;
        final String[] dictionary;
        private final int[] globalIds;

        Strings(ColumnChunk chunk) {
            this(chunk, true);
        }

        Strings(ColumnChunk chunk, boolean perRow) {
            if (perRow) {
                flat(chunk);
            }
            this.ids = chunk.ids();
            this.dictionary = chunk.dictionary();
            this.globalIds = new int[dictionary.length];
            Arrays.fill(globalIds, UNMAPPED);
        }

        int global(int row) {
            return globalOf(ids[row]);
        }

        int globalOf(int local) {
            if (local < 0) {
                return StringIds.NULL;
            }
            int global = globalIds[local];
            if (global == UNMAPPED) {
                global = RowGroupScan.this.ids.id(dictionary[local]);
                globalIds[local] = global;
            }
            return global;
        }
    }

    /**
     * Walks the {@code resource_tags} map row by row and yields each requested tag's value as
     * {@code NULLIF(COALESCE(map[c1], map[c2], …), '')} does: {@code map[c]} is the value of the first entry with key
     * {@code c} (NULL included, should a file repeat a key), and the first candidate whose value is not NULL wins.
     */
    private final class TagValues {
        private final int[] keyIds;
        private final int[] valueIds;
        private final int[] repetition;
        private final int entries;
        /** Per tag, per key dictionary entry: the candidate rank of that key, or -1. */
        private final int[][] rank;
        private final boolean[] emptyValue;
        private final Strings values;
        /** Per tag, per candidate rank: the value id of the row's first entry with that key, or {@link #UNSEEN}. */
        private final int[][] first;
        private final int[] chosen;
        private int cursor;

        TagValues(ColumnChunk keys, ColumnChunk values, List<CurTag> tags) {
            if (keys.size() != values.size() || keys.size() < file.rowGroupRowCount(rowGroup)) {
                throw new UnsupportedParquetException(RESOURCE_TAGS + " has " + keys.size() + " keys and "
                        + values.size() + " values in a row group of " + file.rowGroupRowCount(rowGroup) + " rows");
            }
            this.keyIds = keys.ids();
            this.valueIds = values.ids();
            this.repetition = keys.repetitionLevels();
            this.entries = keys.size();
            String[] keyDictionary = keys.dictionary();
            this.rank = new int[tags.size()][keyDictionary.length];
            for (int t = 0; t < tags.size(); t++) {
                Arrays.fill(rank[t], -1);
                List<String> candidates = tags.get(t).candidates();
                for (int k = 0; k < keyDictionary.length; k++) {
                    rank[t][k] = candidates.indexOf(keyDictionary[k]);
                }
            }
            this.values = new Strings(values, false);
            this.emptyValue = new boolean[this.values.dictionary.length];
            for (int v = 0; v < emptyValue.length; v++) {
                emptyValue[v] = this.values.dictionary[v].isEmpty();
            }
            this.first = new int[tags.size()][];
            for (int t = 0; t < tags.size(); t++) {
                first[t] = new int[tags.get(t).candidates().size()];
            }
            this.chosen = new int[tags.size()];
        }

        /** Moves to the next row's map entries and picks each tag's value. */
        void next() {
            for (int[] byRank : first) {
                for (int r = 0; r < byRank.length; r++) {
                    byRank[r] = UNSEEN;
                }
            }
            int entry = cursor;
            do {
                int keyId = keyIds[entry];
                if (keyId >= 0) {
                    for (int t = 0; t < rank.length; t++) {
                        int r = rank[t][keyId];
                        if (r >= 0 && first[t][r] == UNSEEN) {
                            first[t][r] = valueIds[entry]; // -1 for a NULL value
                        }
                    }
                }
                entry++;
            } while (entry < entries && repetition[entry] != 0);
            cursor = entry;
            for (int t = 0; t < first.length; t++) {
                chosen[t] = -1;
                for (int value : first[t]) {
                    if (value >= 0) {
                        chosen[t] = value;
                        break;
                    }
                }
            }
        }

        /** Tag {@code t}'s value on the current row as an aggregation-wide id (NULL when untagged or empty). */
        int global(int t) {
            int value = chosen[t];
            return value < 0 || emptyValue[value] ? StringIds.NULL : values.globalOf(value);
        }
    }
}
