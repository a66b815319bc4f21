package dev.tally.audit.chargeback.source.costexplorer;

import dev.tally.audit.chargeback.model.ChargeKind;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Cost Explorer's {@code RECORD_TYPE} values to a {@link ChargeKind}. Cost Explorer returns console labels
 * ({@code Savings Plan Covered Usage}, {@code Recurring reservation fee}, {@code Support fee}…); the CUR's tokens
 * ({@code SavingsPlanCoveredUsage}, {@code RIFee}) are accepted too, so labels are compared without spaces or case.
 * Charges of an {@code AWS Support} service are support unless they are tax, credits or refunds.
 */
public final class RecordTypes {
    private static final Map<String, ChargeKind> BY_LABEL = Map.ofEntries(
            Map.entry("usage", ChargeKind.USAGE),
            Map.entry("savingsplancoveredusage", ChargeKind.DISCOUNTED_USAGE),
            Map.entry("reservationappliedusage", ChargeKind.DISCOUNTED_USAGE),
            Map.entry("discountedusage", ChargeKind.DISCOUNTED_USAGE),
            Map.entry("savingsplanrecurringfee", ChargeKind.COMMITMENT_FEE),
            Map.entry("recurringreservationfee", ChargeKind.COMMITMENT_FEE),
            Map.entry("rifee", ChargeKind.COMMITMENT_FEE),
            Map.entry("savingsplanupfrontfee", ChargeKind.FEE),
            Map.entry("upfrontreservationfee", ChargeKind.FEE),
            Map.entry("fee", ChargeKind.FEE),
            Map.entry("supportfee", ChargeKind.SUPPORT),
            Map.entry("support", ChargeKind.SUPPORT),
            Map.entry("tax", ChargeKind.TAX),
            Map.entry("credit", ChargeKind.CREDIT),
            Map.entry("refund", ChargeKind.REFUND));

    private RecordTypes() {
    }

    public static ChargeKind kindOf(String recordType, String service) {
        String label = recordType == null ? "" : recordType.replace(" ", "").toLowerCase(Locale.ROOT);
        ChargeKind kind = BY_LABEL.get(label);
        if (kind == null) {
            kind = label.contains("discount") || label.contains("negation") ? ChargeKind.DISCOUNT : ChargeKind.OTHER;
        }
        boolean adjustment = kind == ChargeKind.TAX || kind == ChargeKind.CREDIT || kind == ChargeKind.REFUND;
        boolean supportService = service != null && service.toLowerCase(Locale.ROOT).startsWith("aws support");
        return supportService && !adjustment ? ChargeKind.SUPPORT : kind;
    }
}
