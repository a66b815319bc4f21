package dev.tally.audit.chargeback.source.cur.direct;

import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one worker thread has summed so far: the groups, and (kept apart from them) the ungrouped total, line item
 * count, currencies and uninvoiced line items. Workers never share one; they are merged at the end.
 */
final class MonthAccumulator {
    final GroupTable groups;
    private long totalUnits;
    private BigInteger totalOverflow = BigInteger.ZERO;
    private long lineItems;
    private long uninvoiced;
    private final Set<String> currencies = new TreeSet<>();

    MonthAccumulator(int keyWidth) {
        this.groups = new GroupTable(keyWidth);
    }

    /** Adds one line item to the total (not to a group: that is {@link #groups}' job). */
    void addToTotal(long units, boolean invoiced) {
        long result = totalUnits + units;
        if (((totalUnits ^ result) & (units ^ result)) < 0) {
            totalOverflow = totalOverflow.add(BigInteger.valueOf(totalUnits)).add(BigInteger.valueOf(units));
            result = 0;
        }
        totalUnits = result;
        lineItems++;
        if (!invoiced) {
            uninvoiced++;
        }
    }

    void addCurrency(String currency) {
        currencies.add(currency);
    }

    void addAll(MonthAccumulator other) {
        groups.addAll(other.groups);
        totalOverflow = totalOverflow.add(other.total());
        lineItems += other.lineItems;
        uninvoiced += other.uninvoiced;
        currencies.addAll(other.currencies);
    }

    BigInteger total() {
        return totalOverflow.add(BigInteger.valueOf(totalUnits));
    }

    long lineItems() {
        return lineItems;
    }

    long uninvoiced() {
        return uninvoiced;
    }

    Set<String> currencies() {
        return currencies;
    }
}
