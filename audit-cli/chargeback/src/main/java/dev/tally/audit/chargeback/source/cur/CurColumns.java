package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.CostMetric;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CUR 2.0 (AWS Data Exports) columns the CUR source reads, and which of them each metric needs. Only these
 * columns are read, which is what keeps a scan of a large month fast (Parquet is columnar).
 */
public final class CurColumns {
    public static final String ACCOUNT = "line_item_usage_account_id";
    public static final String PRODUCT_CODE = "line_item_product_code";
    public static final String LINE_ITEM_TYPE = "line_item_line_item_type";
    public static final String CURRENCY = "line_item_currency_code";
    public static final String BILLING_PERIOD_START = "bill_billing_period_start_date";
    public static final String INVOICE_ID = "bill_invoice_id";
    public static final String RESOURCE_TAGS = "resource_tags";

    public static final String UNBLENDED = "line_item_unblended_cost";
    public static final String NET_UNBLENDED = "line_item_net_unblended_cost";
    public static final String SP_EFFECTIVE = "savings_plan_savings_plan_effective_cost";
    public static final String SP_NET_EFFECTIVE = "savings_plan_net_savings_plan_effective_cost";
    public static final String SP_TOTAL_COMMITMENT = "savings_plan_total_commitment_to_date";
    public static final String SP_USED_COMMITMENT = "savings_plan_used_commitment";
    public static final String RI_EFFECTIVE = "reservation_effective_cost";
    public static final String RI_NET_EFFECTIVE = "reservation_net_effective_cost";
    public static final String RI_UNUSED_UPFRONT = "reservation_unused_amortized_upfront_fee_for_billing_period";
    public static final String RI_NET_UNUSED_UPFRONT = "reservation_net_unused_amortized_upfront_fee_for_billing_period";
    public static final String RI_UNUSED_RECURRING = "reservation_unused_recurring_fee";
    public static final String RI_NET_UNUSED_RECURRING = "reservation_net_unused_recurring_fee";
    public static final String RI_ARN = "reservation_reservation_a_r_n";

    /** The net columns: used by {@link CostMetric#NET_AMORTIZED} where present, the gross column otherwise. */
    public static final List<String> NET_COLUMNS = List.of(NET_UNBLENDED, SP_NET_EFFECTIVE, RI_NET_EFFECTIVE,
            RI_NET_UNUSED_UPFRONT, RI_NET_UNUSED_RECURRING);

    private CurColumns() {
    }

    /** The columns a file must have for {@code metric} (and {@code resource_tags} when tag keys are requested). */
    public static Set<String> required(CostMetric metric, boolean tagsRequested) {
        Set<String> required = new LinkedHashSet<>(List.of(ACCOUNT, PRODUCT_CODE, LINE_ITEM_TYPE, CURRENCY,
                BILLING_PERIOD_START, INVOICE_ID, UNBLENDED));
        if (metric != CostMetric.UNBLENDED) {
            required.addAll(List.of(SP_EFFECTIVE, SP_TOTAL_COMMITMENT, SP_USED_COMMITMENT, RI_EFFECTIVE,
                    RI_UNUSED_UPFRONT, RI_UNUSED_RECURRING, RI_ARN));
        }
        if (tagsRequested) {
            required.add(RESOURCE_TAGS);
        }
        return required;
    }
}
