package dev.tally.audit.chargeback.model;

import java.time.YearMonth;
import java.util.List;

/** Where a month's costs come from: the Cost and Usage Report (DuckDB) or Cost Explorer. */
public interface CostSource {
    /**
     * Loads one month, aggregated by account, service, charge kind and the given tag keys.
     *
     * @throws dev.tally.audit.common.cli.UserFacingException for bad input (missing columns, mixed currencies, an empty
     *                                                        month), naming the problem and the fix
     */
    MonthlyCost load(YearMonth month, CostMetric metric, List<String> tagKeys);
}
