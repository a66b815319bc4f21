package dev.tally.audit.estimate.report;

import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.price.ResourceCost;

/** Lines every estimate report shares: the price table's date and source, short resource names. */
public final class Headers {
    private Headers() {
    }

    /** The price table line: its date is in every report. */
    public static String prices(Estimate estimate) {
        return "Prices: table of " + estimate.prices().snapshotDate() + " (" + firstSentence(estimate.prices().source())
                + "); on-demand list prices, first tier, no free tier";
    }

    /** The source up to its first colon or full stop: the rest is in the JSON report and the docs. */
    static String firstSentence(String text) {
        int end = text.length();
        for (String stop : new String[] {". ", ": "}) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end);
    }

    /** The construct path without the stack's prefix and the trailing {@code /Resource}. */
    public static String shortPath(ResourceCost r) {
        String path = r.path();
        if (path.startsWith(r.stack() + "/")) {
            path = path.substring(r.stack().length() + 1);
        }
        return path.endsWith("/Resource") ? path.substring(0, path.length() - "/Resource".length()) : path;
    }

    /** {@code AWS::Lambda::Function} → {@code Lambda::Function}. */
    public static String shortType(String type) {
        return type.startsWith("AWS::") ? type.substring(5) : type;
    }
}
