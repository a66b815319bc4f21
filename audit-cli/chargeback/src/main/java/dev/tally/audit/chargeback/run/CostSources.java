package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.source.athena.AthenaPolling;
import dev.tally.audit.chargeback.source.athena.AthenaSource;
import dev.tally.audit.chargeback.source.cache.MonthlyCostCache;
import dev.tally.audit.chargeback.source.costexplorer.CostExplorerSource;
import dev.tally.audit.chargeback.source.cur.CurSource;
import dev.tally.audit.chargeback.source.cur.DuckDbSettings;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.common.cli.UserFacingException;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * The real sources: CUR files (aggregated by embedded DuckDB), the CUR table in Athena, or the Cost Explorer API (standard AWS configuration: credential chain
 * or {@code --profile}, {@code AWS_ENDPOINT_URL}; closed months cached under {@code --cache-dir}).
 */
public final class CostSources implements CostSourceFactory {
    @Override
    public CostSource open(SourceSelection selection) {
        return switch (selection.kind()) {
            case CUR -> new CurSource(selection.cur(), DuckDbSettings.defaults());
            case COST_EXPLORER -> costExplorer(selection);
            case ATHENA -> athena(selection);
        };
    }

    private static CostSource athena(SourceSelection selection) {
        AwsSettings settings = AwsSettings.forProfile(selection.profile().orElse(null), new ApiCallLedger());
        // Athena runs where the table's Glue catalog is: --region, else the profile's or environment's region.
        Region region = selection.region().map(Region::of).or(settings::configuredRegion)
                .orElseThrow(() -> UserFacingException.usage("--source athena needs a region: pass --region (the"
                        + " region of the CUR table's Glue catalog) or set AWS_REGION or the profile's region"));
        SourceSelection.AthenaTarget target = selection.athena();
        try {
            return new AthenaSource(settings.build(AthenaClient.builder(), region), target.table(),
                    target.workGroup(), target.outputLocation(), AthenaPolling.defaults());
        } catch (IllegalArgumentException badTableName) {
            // The query refuses anything but [catalog.]database.table: it is pasted into SQL.
            throw UserFacingException.usage("--athena-table: " + badTableName.getMessage());
        }
    }

    private static CostSource costExplorer(SourceSelection selection) {
        AwsSettings settings = AwsSettings.forProfile(selection.profile().orElse(null), new ApiCallLedger());
        // Cost Explorer is served from us-east-1 in the commercial partition; --region picks another partition's.
        Region region = selection.region().map(Region::of).orElse(CostExplorerSource.REGION);
        MonthlyCostCache cache = new MonthlyCostCache(selection.cacheDir()
                .orElseGet(MonthlyCostCache::defaultDirectory));
        // The cache key's scope: whose bill. The profile is what distinguishes bills on one machine.
        String scope = selection.profile().orElse("default");
        return new CostExplorerSource(settings.build(CostExplorerClient.builder(), region), Optional.of(cache), scope,
                selection.progress());
    }
}
