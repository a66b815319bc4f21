package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.ChargeKind;
import java.util.Locale;
import java.util.Map;

/**
 * Maps CUR {@code line_item_line_item_type} (and, for support, {@code line_item_product_code}) to a {@link ChargeKind}.
 *
 * <p>Support has no line item type of its own: AWS bills it as a {@code Fee} (sometimes {@code Usage}) of a support
 * product ({@code AWSSupportBusiness}, {@code AWSSupportEnterprise}, {@code AWSDeveloperSupport},
 * {@code OCBPremiumSupport}…), so any charge of a support product is {@link ChargeKind#SUPPORT}, except tax, credits
 * and refunds on it, which stay what they are so that tax and credit totals are complete.
 */
public final class LineItemKinds {
    private static final Map<String, ChargeKind> BY_TYPE = Map.ofEntries(
            Map.entry("Usage", ChargeKind.USAGE),
            Map.entry("SavingsPlanCoveredUsage", ChargeKind.DISCOUNTED_USAGE),
            Map.entry("DiscountedUsage", ChargeKind.DISCOUNTED_USAGE),
            Map.entry("SavingsPlanRecurringFee", ChargeKind.COMMITMENT_FEE),
            Map.entry("RIFee", ChargeKind.COMMITMENT_FEE),
            Map.entry("SavingsPlanUpfrontFee", ChargeKind.FEE),
            Map.entry("Fee", ChargeKind.FEE),
            Map.entry("Tax", ChargeKind.TAX),
            Map.entry("Credit", ChargeKind.CREDIT),
            Map.entry("Refund", ChargeKind.REFUND),
            Map.entry("SavingsPlanNegation", ChargeKind.DISCOUNT),
            Map.entry("BundledDiscount", ChargeKind.DISCOUNT),
            Map.entry("EdpDiscount", ChargeKind.DISCOUNT),
            Map.entry("PrivateRateDiscount", ChargeKind.DISCOUNT),
            Map.entry("DistributorDiscount", ChargeKind.DISCOUNT),
            Map.entry("SppDiscount", ChargeKind.DISCOUNT),
            Map.entry("Discount", ChargeKind.DISCOUNT));

    private LineItemKinds() {
    }

    public static ChargeKind kindOf(String lineItemType, String productCode) {
        ChargeKind byType = BY_TYPE.getOrDefault(lineItemType == null ? "" : lineItemType, ChargeKind.OTHER);
        boolean adjustment = byType == ChargeKind.TAX || byType == ChargeKind.CREDIT || byType == ChargeKind.REFUND;
        return isSupportProduct(productCode) && !adjustment ? ChargeKind.SUPPORT : byType;
    }

    static boolean isSupportProduct(String productCode) {
        if (productCode == null) {
            return false;
        }
        String code = productCode.toLowerCase(Locale.ROOT);
        return code.startsWith("awssupport") || code.equals("awsdevelopersupport") || code.equals("ocbpremiumsupport");
    }
}
