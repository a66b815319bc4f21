package dev.tally.audit.chargeback.source.cur;

import static dev.tally.audit.chargeback.source.cur.CurColumns.*;

import java.time.YearMonth;
import java.util.List;

/**
 * A small March 2025 bill covering every amortization case, with hand-computed totals:
 *
 * <pre>
 * #  account  product             type                      unblended  amortized   net amortized  team
 * 1  A        AmazonEC2           Usage                     100        100         90 (net col)   payments
 * 2  A        AmazonEC2           SavingsPlanCoveredUsage    50         30 (SP)     27 (net col)   payments
 * 3  A        AmazonEC2           SavingsPlanNegation       -50          0           0             payments
 * 4  A        ComputeSavingsPlans SavingsPlanRecurringFee    40         10 (40-30)  10             -
 * 5  B        AmazonRDS           DiscountedUsage             0         20 (RI)     20             search
 * 6  B        AmazonRDS           RIFee                      15          3.75        3.75          -
 * 7  B        AmazonRDS           Fee (RI upfront)          120          0           0             -
 * 8  B        AmazonS3            Usage                      10.123456789 (same)    (same)         - (no tags)
 * 9  B        AmazonS3            Usage                       5          5           5             '' (empty)
 * 10 A        AWSSupportBusiness  Fee                       100        100         100            -
 * 11 A        AmazonEC2           Tax                        12         12          12             -
 * 12 A        AmazonEC2           Credit                    -25        -25         -25             payments
 * 13 B        AmazonS3            Refund                     -3         -3          -3             search
 * 14 B        AmazonEC2           Usage                       7          7           7             env only
 * -- February (excluded from March): A AmazonEC2 Usage 999
 * totals                                                    381.123456789  269.873456789  256.873456789
 * </pre>
 */
public final class MarchBill {
    public static final String A = "011111111111";
    public static final String B = "222222222222";
    public static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final String RI = "arn:aws:rds:eu-west-1:222222222222:ri:db-ri-1";

    private MarchBill() {
    }

    public static List<LineItem> lineItems() {
        return List.of(
                LineItem.of(A, "AmazonEC2", "Usage", "100.00").cost(NET_UNBLENDED, "90.00").tag("user_team", "payments"),
                LineItem.of(A, "AmazonEC2", "SavingsPlanCoveredUsage", "50.00").cost(SP_EFFECTIVE, "30.00")
                        .cost(SP_NET_EFFECTIVE, "27.00").tag("user_team", "payments"),
                LineItem.of(A, "AmazonEC2", "SavingsPlanNegation", "-50.00").tag("user_team", "payments"),
                LineItem.of(A, "ComputeSavingsPlans", "SavingsPlanRecurringFee", "40.00")
                        .cost(SP_TOTAL_COMMITMENT, "40.00").cost(SP_USED_COMMITMENT, "30.00"),
                LineItem.of(B, "AmazonRDS", "DiscountedUsage", "0").cost(RI_EFFECTIVE, "20.00").tag("user_team", "search")
                        .reservation(RI),
                LineItem.of(B, "AmazonRDS", "RIFee", "15.00").cost(RI_UNUSED_UPFRONT, "2.50")
                        .cost(RI_UNUSED_RECURRING, "1.25").reservation(RI),
                LineItem.of(B, "AmazonRDS", "Fee", "120.00").reservation(RI),
                LineItem.of(B, "AmazonS3", "Usage", "10.123456789"),
                LineItem.of(B, "AmazonS3", "Usage", "5.00").tag("user_team", ""),
                LineItem.of(A, "AWSSupportBusiness", "Fee", "100.00"),
                LineItem.of(A, "AmazonEC2", "Tax", "12.00"),
                LineItem.of(A, "AmazonEC2", "Credit", "-25.00").tag("user_team", "payments"),
                LineItem.of(B, "AmazonS3", "Refund", "-3.00").tag("user_team", "search"),
                LineItem.of(B, "AmazonEC2", "Usage", "7.00").tag("user_env", "prod"),
                LineItem.of(A, "AmazonEC2", "Usage", "999.00").tag("user_team", "payments")
                        .period(YearMonth.of(2025, 2)));
    }
}
