package dev.tally.audit.chargeback.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rounds exact amounts to cents so that they add up to a given total to the cent (the largest-remainder, or Hamilton,
 * method): every amount is first rounded down to the cent, then the cents still missing from the total go one each to
 * the amounts with the largest remainders; equal remainders are broken by the caller's key order (owner name), so the
 * result never depends on map iteration order.
 *
 * <p>Why not round each amount half-even on its own: three thirds of $100.00 would round to $99.99, and finance
 * signs totals, not averages.
 */
public final class CentApportionment {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private CentApportionment() {
    }

    /** {@code amount} rounded half-even to cents: the total a set of exact amounts must add up to. */
    public static BigDecimal toCents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * Rounds {@code exact} to cents, adding up to {@code total}.
     *
     * @param exact    the amounts to round, any scale, any sign
     * @param total    what the rounded amounts must add up to, in cents; normally {@code toCents(sum of exact)}
     * @param tieBreak the order of keys whose remainders are equal (first gets the cent)
     * @return the same keys, in the same iteration order, with amounts at scale 2
     */
    public static <K> Map<K, BigDecimal> apportion(Map<K, BigDecimal> exact, BigDecimal total, Comparator<K> tieBreak) {
        Map<K, BigDecimal> rounded = new LinkedHashMap<>();
        List<Map.Entry<K, BigDecimal>> remainders = new ArrayList<>();
        BigDecimal floorSum = BigDecimal.ZERO;
        for (Map.Entry<K, BigDecimal> entry : exact.entrySet()) {
            BigDecimal floor = entry.getValue().setScale(2, RoundingMode.FLOOR);
            rounded.put(entry.getKey(), floor);
            remainders.add(Map.entry(entry.getKey(), entry.getValue().subtract(floor)));
            floorSum = floorSum.add(floor);
        }
        long missingCents = total.setScale(2, RoundingMode.UNNECESSARY).subtract(floorSum).movePointRight(2)
                .longValueExact();
        if (missingCents == 0) {
            return rounded;
        }
        if (remainders.isEmpty()) {
            throw new IllegalArgumentException("cannot apportion " + total + " over no amounts");
        }
        remainders.sort(Map.Entry.<K, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey(tieBreak)));
        // Normally 0 <= missing < size; cycling (or taking cents back) keeps the total exact when a caller's total
        // differs from the exact sum by more than rounding.
        BigDecimal step = missingCents > 0 ? CENT : CENT.negate();
        for (long i = 0; i < Math.abs(missingCents); i++) {
            int index = (int) (missingCents > 0 ? i % remainders.size()
                    : remainders.size() - 1 - (i % remainders.size()));
            K key = remainders.get(index).getKey();
            rounded.put(key, rounded.get(key).add(step));
        }
        return rounded;
    }
}
