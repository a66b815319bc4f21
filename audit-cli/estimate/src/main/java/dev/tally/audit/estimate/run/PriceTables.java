package dev.tally.audit.estimate.run;

import dev.tally.audit.scan.pricing.PriceEntry;
import dev.tally.audit.scan.pricing.PriceTable;
import dev.tally.audit.scan.pricing.PriceTableFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan's price table for the estimate: a given or refreshed table over the bundled one. {@code tally scan prices
 * refresh} fetches EC2 and load balancer prices only, so the service rates a refreshed table lacks come from the
 * bundled table, and the source says so.
 */
final class PriceTables {
    private PriceTables() {
    }

    static PriceTable load(Path given, Path userTable) {
        PriceTable bundled = PriceTableFile.bundled();
        Path file = given != null ? given : Files.isRegularFile(userTable) ? userTable : null;
        if (file == null) {
            return bundled;
        }
        PriceTable table = PriceTableFile.load(file);
        List<PriceEntry> entries = new ArrayList<>(bundled.entries());
        entries.addAll(table.entries());
        return new PriceTable(table.snapshotDate(), file + ": " + table.source() + ". Rates it lacks are the bundled "
                + "table's of " + bundled.snapshotDate(), entries);
    }
}
