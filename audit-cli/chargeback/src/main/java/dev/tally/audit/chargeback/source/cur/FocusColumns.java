package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.CostMetric;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The FOCUS 1.2 columns (AWS Data Exports "FOCUS 1.2 with AWS columns") the source reads. Names as FOCUS spells them;
 * DuckDB matches them case-insensitively, and {@link CurSchema} keeps them lower case.
 */
public final class FocusColumns {
    public static final String SUB_ACCOUNT = "SubAccountId";
    public static final String SERVICE = "ServiceName";
    public static final String CHARGE_CATEGORY = "ChargeCategory";
    public static final String COMMITMENT_STATUS = "CommitmentDiscountStatus";
    public static final String COMMITMENT_ID = "CommitmentDiscountId";
    public static final String BILLED_COST = "BilledCost";
    public static final String EFFECTIVE_COST = "EffectiveCost";
    public static final String CURRENCY = "BillingCurrency";
    public static final String BILLING_PERIOD_START = "BillingPeriodStart";
    public static final String INVOICE_ID = "InvoiceId";
    public static final String TAGS = "Tags";

    private FocusColumns() {
    }

    /** The columns a FOCUS file must have for {@code metric} (and {@code Tags} when tag keys are requested). */
    public static Set<String> required(CostMetric metric, boolean tagsRequested) {
        Set<String> required = new LinkedHashSet<>(List.of(SUB_ACCOUNT, SERVICE, CHARGE_CATEGORY, COMMITMENT_STATUS,
                COMMITMENT_ID, CURRENCY, BILLING_PERIOD_START, INVOICE_ID, cost(metric)));
        if (tagsRequested) {
            required.add(TAGS);
        }
        return lowerCase(required);
    }

    /**
     * The cost column of {@code metric}. {@code EffectiveCost} already is the amortized figure (commitment purchases
     * spread over the usage they covered, the unused part on its own rows), so no CUR amortization is applied to it.
     */
    static String cost(CostMetric metric) {
        return switch (metric) {
            case UNBLENDED -> BILLED_COST;
            case AMORTIZED -> EFFECTIVE_COST;
            case NET_AMORTIZED -> throw new IllegalArgumentException("FOCUS has no net amortized cost");
        };
    }

    /** Columns that tell a FOCUS export from a CUR 2.0 one (lower case, as {@link CurSchema} keeps names). */
    static final Set<String> SIGNATURE = lowerCase(Set.of(CHARGE_CATEGORY, BILLED_COST, BILLING_PERIOD_START));

    private static Set<String> lowerCase(Set<String> columns) {
        Set<String> lower = new LinkedHashSet<>();
        columns.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
