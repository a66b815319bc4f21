package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.UserFacingException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Months built by hand in a test, served through the {@link CostSource} contract (our own interface, not an SDK fake):
 * the command's logic is tested here; the real sources have their own tests against DuckDB and WireMock.
 */
final class InMemorySource implements CostSource {
    private final Map<YearMonth, MonthlyCost> months;
    final List<List<String>> requestedTagKeys = new ArrayList<>();

    InMemorySource(Map<YearMonth, MonthlyCost> months) {
        this.months = Map.copyOf(months);
    }

    @Override
    public MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys) {
        requestedTagKeys.add(List.copyOf(tagKeys));
        MonthlyCost cost = months.get(month);
        if (cost == null) {
            throw UserFacingException.usage("the test bill has no line items for " + month);
        }
        return cost;
    }
}
