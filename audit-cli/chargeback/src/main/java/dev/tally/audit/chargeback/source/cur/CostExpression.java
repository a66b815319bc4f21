package dev.tally.audit.chargeback.source.cur;

import static dev.tally.audit.chargeback.source.cur.CurColumns.*;

import dev.tally.audit.chargeback.model.CostMetric;
import java.util.Set;

/**
 * The per-line-item cost of one {@link CostMetric}, as a SQL expression over CUR 2.0 columns. The amortization follows
 * AWS "Understanding your amortized costs" and the CUDOS dashboards:
 *
 * <table>
 * <tr><th>line item type</th><th>amortized</th></tr>
 * <tr><td>SavingsPlanCoveredUsage</td><td>savings_plan_savings_plan_effective_cost</td></tr>
 * <tr><td>SavingsPlanRecurringFee</td><td>total commitment to date − used commitment (the unused part)</td></tr>
 * <tr><td>SavingsPlanNegation, SavingsPlanUpfrontFee</td><td>0 (already in the effective cost)</td></tr>
 * <tr><td>DiscountedUsage</td><td>reservation_effective_cost</td></tr>
 * <tr><td>RIFee</td><td>unused amortized upfront fee + unused recurring fee</td></tr>
 * <tr><td>Fee of a reservation (RI upfront)</td><td>0 (amortized into DiscountedUsage / RIFee)</td></tr>
 * <tr><td>anything else (Usage, Fee, Credit, Refund, Tax, discounts)</td><td>line_item_unblended_cost</td></tr>
 * </table>
 *
 * <p>Net amortized uses the {@code net_} twin of each column (after discounts such as EDP) and falls back to the gross
 * column on rows, or in files, without it; the unused Savings Plan commitment stays total − used (the CUR has no net
 * used commitment). Every term is cast to {@code DECIMAL(38,10)} before summing: money is never
 * added as floating point.
 */
final class CostExpression {
    /** One arm per line, so the SQL a user reads (or pastes into Athena) shows the amortization table. */
    private static final String WHEN = "\n      WHEN ";
    private final CostMetric metric;
    private final Set<String> netColumnsPresent;

    /**
     * @param netColumnsPresent which of {@link CurColumns#NET_COLUMNS} the data has (ignored unless net amortized)
     */
    CostExpression(CostMetric metric, Set<String> netColumnsPresent) {
        this.metric = metric;
        this.netColumnsPresent = Set.copyOf(netColumnsPresent);
    }

    String sql() {
        if (metric == CostMetric.UNBLENDED) {
            return money(UNBLENDED);
        }
        boolean net = metric == CostMetric.NET_AMORTIZED;
        String otherwise = pick(net, NET_UNBLENDED, UNBLENDED);
        StringBuilder sql = new StringBuilder("CASE " + LINE_ITEM_TYPE);
        for (CostArm arm : CostArm.values()) {
            for (String type : arm.lineItemTypes()) {
                sql.append(WHEN).append(SqlDialect.literal(type)).append(" THEN ").append(arm(arm, net, otherwise));
            }
        }
        return sql.append("\n      ELSE ").append(otherwise).append("\n    END").toString();
    }

    private String arm(CostArm arm, boolean net, String otherwise) {
        return switch (arm) {
            case SAVINGS_PLAN_COVERED_USAGE -> pick(net, SP_NET_EFFECTIVE, SP_EFFECTIVE);
            case SAVINGS_PLAN_RECURRING_FEE -> money(SP_TOTAL_COMMITMENT) + " - " + money(SP_USED_COMMITMENT);
            case ZERO -> "0";
            case DISCOUNTED_USAGE -> pick(net, RI_NET_EFFECTIVE, RI_EFFECTIVE);
            case RI_FEE -> pick(net, RI_NET_UNUSED_UPFRONT, RI_UNUSED_UPFRONT) + " + "
                    + pick(net, RI_NET_UNUSED_RECURRING, RI_UNUSED_RECURRING);
            case FEE -> "CASE WHEN COALESCE(" + RI_ARN + ", '') <> '' THEN 0 ELSE " + otherwise + " END";
            case OTHERWISE -> otherwise;
        };
    }

    private String pick(boolean net, String netColumn, String grossColumn) {
        if (net && netColumnsPresent.contains(netColumn)) {
            return "COALESCE(" + decimal(netColumn) + ", " + money(grossColumn) + ")";
        }
        return money(grossColumn);
    }

    /** A cost column as an exact decimal, 0 when empty. */
    static String money(String column) {
        return "COALESCE(" + decimal(column) + ", 0)";
    }

    private static String decimal(String column) {
        return "CAST(" + column + " AS DECIMAL(38,10))";
    }
}
