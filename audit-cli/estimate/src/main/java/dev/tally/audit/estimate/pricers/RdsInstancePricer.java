package dev.tally.audit.estimate.pricers;

import dev.tally.audit.estimate.price.MissingPrice;
import java.util.Locale;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::RDS::DBInstance} (PostgreSQL, MySQL): instance-hours and storage, both doubled for Multi-AZ (one
 * standby), provisioned IOPS for io1, and backup storage beyond the free allowance (equal to the provisioned storage).
 * Aurora cluster members are not priced (reported unpriced).
 */
public final class RdsInstancePricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::RDS::DBInstance";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(new UsageKey("backupGb", "GB", 0, "automated backup and snapshot storage"));
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView db = context.resource();
        String engine = db.text("Engine", "").toLowerCase(Locale.ROOT);
        if (engine.startsWith("aurora") || db.property("DBClusterIdentifier").isPresent()) {
            throw new MissingPrice("Aurora instances are not priced (cluster storage and I/O are not modelled)");
        }
        String family = engine.startsWith("postgres") ? "postgres" : engine.startsWith("mysql") ? "mysql" : engine;
        String instanceClass = db.text("DBInstanceClass", "");
        boolean multiAz = db.bool("MultiAZ", false);
        int copies = multiAz ? 2 : 1;
        double storage = db.number("AllocatedStorage", 20);
        String storageType = db.text("StorageType", "gp2");
        List<CostLine> lines = new ArrayList<>();
        lines.add(CostLine.of(instanceClass + " " + family + (multiAz ? " Multi-AZ" : " single-AZ"),
                Money.HOURS_PER_MONTH * copies, "instance-hour",
                context.rates().rate(PriceKind.RDS, "instance." + family + "." + instanceClass + ".hour")));
        lines.add(CostLine.of(storageType + " storage" + (multiAz ? " (x2, Multi-AZ)" : ""), storage * copies,
                "GB-month", context.rates().rate(PriceKind.RDS, "storage." + storageType + ".gb-month")));
        if (storageType.equals("io1")) {
            lines.add(CostLine.of("provisioned IOPS", db.number("Iops", 0) * copies, "IOPS-month",
                    context.rates().rate(PriceKind.RDS, "iops.io1.iops-month")));
        }
        double backup = Math.max(0, context.usage().number("backupGb") - storage);
        lines.add(CostLine.of("backup storage beyond the free allowance", backup, "GB-month",
                context.rates().rate(PriceKind.RDS, "backup.gb-month")));
        return lines;
    }
}
