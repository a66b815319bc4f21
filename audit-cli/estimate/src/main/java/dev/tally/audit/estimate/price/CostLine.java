package dev.tally.audit.estimate.price;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One charge of a resource: quantity × unit price.
 *
 * @param item       what is charged ({@code duration (arm64)})
 * @param quantity   how much per month, in {@code unit}s
 * @param unit       the unit the price is per ({@code GB-second}, {@code 1M requests})
 * @param unitPrice  USD per unit, from the price table (scaled to {@code unit})
 * @param monthlyUsd quantity × unit price, unrounded (reports round to cents)
 */
public record CostLine(String item, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal monthlyUsd) {

    /** quantity × price. */
    public static CostLine of(String item, double quantity, String unit, BigDecimal unitPrice) {
        BigDecimal q = new BigDecimal(quantity, MathContext.DECIMAL64).stripTrailingZeros();
        return new CostLine(item, q, unit, unitPrice, q.multiply(unitPrice, MathContext.DECIMAL64));
    }

    /** This line with its amount rounded to the cent. */
    public CostLine rounded() {
        return new CostLine(item, quantity, unit, unitPrice, monthlyUsd.setScale(2, RoundingMode.HALF_UP));
    }
}
