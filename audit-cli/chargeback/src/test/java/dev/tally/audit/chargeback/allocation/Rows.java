package dev.tally.audit.chargeback.allocation;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostRow;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Builds the small hand-computed rows the allocation tests read like a bill. */
final class Rows {
    static final String COST_CENTER = "tally:cost-center";
    static final String OWNER = "tally:owner";
    static final String APP_ACCOUNT = "111111111111";
    static final String SHARED_ACCOUNT = "999999999999";

    private Rows() {
    }

    static CostRow usage(String owner, String service, String amount) {
        return row(APP_ACCOUNT, service, ChargeKind.USAGE, owner == null ? Map.of() : Map.of(COST_CENTER, owner), amount);
    }

    static CostRow untagged(String service, String amount) {
        return row(APP_ACCOUNT, service, ChargeKind.USAGE, Map.of(), amount);
    }

    static CostRow kind(ChargeKind kind, String owner, String service, String amount) {
        return row(APP_ACCOUNT, service, kind, owner == null ? Map.of() : Map.of(COST_CENTER, owner), amount);
    }

    static CostRow tagged(Map<String, String> tags, String service, String amount) {
        return row(APP_ACCOUNT, service, ChargeKind.USAGE, new HashMap<>(tags), amount);
    }

    static CostRow row(String account, String service, ChargeKind kind, Map<String, String> tags, String amount) {
        return new CostRow(account, service, kind, tags, new BigDecimal(amount), "USD");
    }
}
