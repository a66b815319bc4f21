package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A hand-computed October 2026 (and its September) for the command tests.
 *
 * <pre>
 * October rows                         amount   goes to
 * EC2   tally:cost-center=Payments     300.00   payments (direct)
 * EC2   tally:cost-center=Payments     -10.00   payments (credit)
 * EC2   tally:owner=search-team        100.00   search (alias, fallback key)
 * S3    untagged                        20.00   (unallocated)
 * Support                              40.00   proportional to 290 / 100: 29.74 / 10.26
 * Tax                                   4.00   proportional to 290 / 100:  2.97 /  1.03
 * total                                454.00   payments 322.71, search 111.29, (unallocated) 20.00
 * September: payments 250.00, search 100.00 = 350.00 → change +104.00 (+29.7%); untagged 20/454 = 4.4%
 * </pre>
 */
final class OctoberBill {
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    /** Mid-November 2026: October is the last full month. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T09:00:00Z"), ZoneOffset.UTC);
    static final String EC2 = "Amazon Elastic Compute Cloud";

    static final String RULES = """
            owner-tags: [tally:cost-center, tally:owner]
            names: { aliases: { search: [search-team] } }
            parents: { payments: commerce, search: discovery }
            shared:
              - name: support
                match: { kinds: [support] }
                method: proportional
              - name: tax
                match: { kinds: [tax] }
                method: proportional
            """;

    private OctoberBill() {
    }

    static MonthlyCost october(String sourceTotal) {
        return new MonthlyCost(OCTOBER, CostMetric.AMORTIZED, List.of(
                row(EC2, ChargeKind.USAGE, Map.of("tally:cost-center", "Payments"), "300.00"),
                row(EC2, ChargeKind.CREDIT, Map.of("tally:cost-center", "Payments"), "-10.00"),
                row(EC2, ChargeKind.USAGE, Map.of("tally:owner", "search-team"), "100.00"),
                row("Amazon Simple Storage Service", ChargeKind.USAGE, Map.of(), "20.00"),
                row("AWS Support (Business)", ChargeKind.SUPPORT, Map.of(), "40.00"),
                row("Tax", ChargeKind.TAX, Map.of(), "4.00")),
                new BigDecimal(sourceTotal), "USD", true, "test bill");
    }

    static MonthlyCost september() {
        return new MonthlyCost(SEPTEMBER, CostMetric.AMORTIZED, List.of(
                row(EC2, ChargeKind.USAGE, Map.of("tally:cost-center", "payments"), "250.00"),
                row(EC2, ChargeKind.USAGE, Map.of("tally:cost-center", "search"), "100.00")),
                new BigDecimal("350.00"), "USD", true, "test bill");
    }

    static InMemorySource bothMonths() {
        return new InMemorySource(Map.of(OCTOBER, october("454.00"), SEPTEMBER, september()));
    }

    static Path rulesFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), RULES);
    }

    private static CostRow row(String service, ChargeKind kind, Map<String, String> tags, String amount) {
        return new CostRow("111111111111", service, kind, tags, new BigDecimal(amount), "USD");
    }
}
