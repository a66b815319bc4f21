package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.chargeback.model.ChargeKind;
import java.util.Locale;

/**
 * Maps a FOCUS 1.2 line to the {@link ChargeKind} the allocation rules use, from {@code ChargeCategory},
 * {@code CommitmentDiscountStatus} and whether the line belongs to a commitment ({@code CommitmentDiscountId}):
 *
 * <table>
 * <tr><th>ChargeCategory</th><th>commitment</th><th>kind</th></tr>
 * <tr><td>Usage</td><td>status Used</td><td>discounted-usage (usage a Savings Plan or RI covered)</td></tr>
 * <tr><td>Usage</td><td>status Unused</td><td>commitment-fee (the unused part of the commitment)</td></tr>
 * <tr><td>Usage</td><td>none</td><td>usage</td></tr>
 * <tr><td>Purchase</td><td>an id</td><td>commitment-fee (the commitment's upfront or recurring fee)</td></tr>
 * <tr><td>Purchase</td><td>none</td><td>fee</td></tr>
 * <tr><td>Tax / Credit / Adjustment</td><td></td><td>tax / credit / refund</td></tr>
 * </table>
 *
 * <p>A support service's usage and purchases are support, as on the CUR path; tax, credits and adjustments on it stay
 * what they are so their totals are complete. {@code ChargeClass = Correction} does not change the kind: a
 * correction is billed in this period and allocated like the charge it corrects.
 */
public final class FocusChargeKinds {
    private FocusChargeKinds() {
    }

    /** The grouped query's {@code line_item_type} for FOCUS: {@code category|status|commitment-or-empty}. */
    static String typeSql() {
        return "COALESCE(" + FocusColumns.CHARGE_CATEGORY + ", '') || '|' || COALESCE("
                + FocusColumns.COMMITMENT_STATUS + ", '') || '|' || CASE WHEN COALESCE(" + FocusColumns.COMMITMENT_ID
                + ", '') <> '' THEN 'commitment' ELSE '' END";
    }

    /** @param type a {@link #typeSql()} value; {@code service} a {@code ServiceName} */
    public static ChargeKind kindOf(String type, String service) {
        String[] parts = (type == null ? "||" : type).split("\\|", -1);
        String category = parts[0].toLowerCase(Locale.ROOT);
        String status = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "";
        boolean commitment = parts.length > 2 && !parts[2].isEmpty();
        ChargeKind kind = switch (category) {
            case "usage" -> status.equals("used") ? ChargeKind.DISCOUNTED_USAGE
                    : status.equals("unused") ? ChargeKind.COMMITMENT_FEE : ChargeKind.USAGE;
            case "purchase" -> commitment ? ChargeKind.COMMITMENT_FEE : ChargeKind.FEE;
            case "tax" -> ChargeKind.TAX;
            case "credit" -> ChargeKind.CREDIT;
            case "adjustment" -> ChargeKind.REFUND;
            default -> ChargeKind.OTHER;
        };
        boolean adjustment = kind == ChargeKind.TAX || kind == ChargeKind.CREDIT || kind == ChargeKind.REFUND;
        return isSupport(service) && !adjustment ? ChargeKind.SUPPORT : kind;
    }

    /** FOCUS names services as people do ({@code AWS Support (Business)}), not by product code. */
    static boolean isSupport(String service) {
        return service != null && service.toLowerCase(Locale.ROOT).startsWith("aws support");
    }
}
