package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.common.cli.UserFacingException;
import java.util.Locale;

/** Parses {@code --metric}: {@code unblended}, {@code amortized} (default) or {@code net-amortized}. */
public final class MetricArgument {
    private MetricArgument() {
    }

    public static CostMetric parse(String text) {
        try {
            return CostMetric.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw UserFacingException.usage("--metric '" + text + "' is not one of unblended, amortized, net-amortized");
        }
    }
}
