package dev.tally.audit.chargeback.source.cur.direct;

import static dev.tally.audit.chargeback.source.cur.CurColumns.*;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.source.cur.parquet.LogicalKind;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetColumn;
import dev.tally.audit.chargeback.source.cur.parquet.ParquetFile;
import dev.tally.audit.chargeback.source.cur.parquet.PhysicalType;
import dev.tally.audit.chargeback.source.cur.parquet.UnsupportedParquetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The leaf columns of one CUR Parquet file that one aggregation reads, checked up front: a type the direct reader
 * does not convert exactly like DuckDB ends the attempt before any data is read.
 *
 * @param billingPeriod {@code bill_billing_period_start_date}
 * @param strings       the string columns by CUR name (account, product code, type, currency, invoice id, and the
 *                      reservation ARN for amortized metrics)
 * @param money         the cost columns by CUR name; a net column the file lacks is missing (all NULL)
 * @param tagKey        the key leaf of the {@code resource_tags} map, when tags are requested
 * @param tagValue      its value leaf
 */
record CurFileColumns(ParquetColumn billingPeriod, Map<String, ParquetColumn> strings,
        Map<String, ParquetColumn> money, Optional<ParquetColumn> tagKey, Optional<ParquetColumn> tagValue) {

    private static final List<String> AMORTIZED_MONEY = List.of(SP_EFFECTIVE, SP_TOTAL_COMMITMENT, SP_USED_COMMITMENT,
            RI_EFFECTIVE, RI_UNUSED_UPFRONT, RI_UNUSED_RECURRING);

    static CurFileColumns resolve(ParquetFile file, CostMetric metric, boolean tagsRequested, Set<String> netColumns) {
        ParquetColumn billing = checkBillingPeriod(required(file, BILLING_PERIOD_START));
        Map<String, ParquetColumn> strings = new LinkedHashMap<>();
        for (String name : metric == CostMetric.UNBLENDED
                ? List.of(ACCOUNT, PRODUCT_CODE, LINE_ITEM_TYPE, CURRENCY, INVOICE_ID)
                : List.of(ACCOUNT, PRODUCT_CODE, LINE_ITEM_TYPE, CURRENCY, INVOICE_ID, RI_ARN)) {
            strings.put(name, string(required(file, name)));
        }
        Map<String, ParquetColumn> money = new LinkedHashMap<>();
        money.put(UNBLENDED, required(file, UNBLENDED));
        if (metric != CostMetric.UNBLENDED) {
            AMORTIZED_MONEY.forEach(name -> money.put(name, required(file, name)));
        }
        if (metric == CostMetric.NET_AMORTIZED) {
            netColumns.forEach(name -> flat(file, name).ifPresent(column -> money.put(name, column)));
        }
        money.values().forEach(MoneyColumn::checkSupported);
        Optional<ParquetColumn> key = Optional.empty();
        Optional<ParquetColumn> value = Optional.empty();
        if (tagsRequested) {
            String top = topLevelName(file, RESOURCE_TAGS).orElseThrow(() -> missing(RESOURCE_TAGS));
            key = file.mapKey(top);
            value = file.mapValue(top);
            if (key.isEmpty() || value.isEmpty()) {
                throw new UnsupportedParquetException(RESOURCE_TAGS + " is not a map");
            }
            string(key.get());
            string(value.get());
        }
        return new CurFileColumns(billing, strings, money, key, value);
    }

    /**
     * DuckDB reads files together ({@code union_by_name}): a cost column stored as DOUBLE in one file and as an exact
     * DECIMAL or integer in another becomes DOUBLE for all of them, rounding the exact values through a double. This
     * reader converts each file exactly, so such a mix is left to DuckDB to give DuckDB's answer.
     */
    static void checkSameMoneyTypes(List<CurFileColumns> files) {
        Map<String, Boolean> isDouble = new LinkedHashMap<>();
        for (CurFileColumns file : files) {
            file.money().forEach((name, column) -> {
                boolean doubleColumn = column.type() == PhysicalType.DOUBLE;
                Boolean earlier = isDouble.putIfAbsent(name, doubleColumn);
                if (earlier != null && earlier != doubleColumn) {
                    throw new UnsupportedParquetException("cost column " + name
                            + " is DOUBLE in some files and exact in others");
                }
            });
        }
    }

    /** The billing period as a timestamp or a date, the types {@link MonthWindow} converts like DuckDB's cast. */
    static ParquetColumn checkBillingPeriod(ParquetColumn billing) {
        boolean timestamp = switch (billing.type()) {
            case INT64 -> billing.logical() == LogicalKind.TIMESTAMP;
            case INT96 -> true;
            case INT32 -> billing.logical() == LogicalKind.DATE;
            default -> false;
        };
        if (!timestamp || billing.maxRepetitionLevel() > 0) {
            throw new UnsupportedParquetException(BILLING_PERIOD_START + " stored as " + billing.type() + " "
                    + billing.logical());
        }
        return billing;
    }

    /** A top-level column the file must have (else the attempt ends: DuckDB's schema check names it). */
    static ParquetColumn required(ParquetFile file, String name) {
        return flat(file, name).orElseThrow(() -> missing(name));
    }

    private static UnsupportedParquetException missing(String name) {
        // The schema check names missing columns to the user before this runs; DuckDB's path reports anything else.
        return new UnsupportedParquetException("column " + name + " is missing or nested");
    }

    /** A top-level, non-repeated leaf column, matched case-insensitively as DuckDB does. */
    private static Optional<ParquetColumn> flat(ParquetFile file, String name) {
        return file.leafColumns().stream()
                .filter(c -> c.path().size() == 1 && c.path().get(0).toLowerCase(Locale.ROOT).equals(name)
                        && c.maxRepetitionLevel() == 0)
                .findFirst();
    }

    private static Optional<String> topLevelName(ParquetFile file, String name) {
        return file.leafColumns().stream().map(c -> c.path().get(0))
                .filter(top -> top.toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    private static ParquetColumn string(ParquetColumn column) {
        if (column.type() != PhysicalType.BYTE_ARRAY || column.logical() != LogicalKind.STRING) {
            throw new UnsupportedParquetException("column " + String.join(".", column.path()) + " stored as "
                    + column.type() + " " + column.logical() + ", not a UTF-8 string");
        }
        return column;
    }
}
