package dev.tally.audit.scan.run;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.check.AuditPolicy;
import dev.tally.audit.scan.check.Check;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One scan, fully validated.
 *
 * @param accounts    which accounts
 * @param regions     which regions
 * @param homeRegion  the region for global calls (STS, Organizations, S3 Control, bucket listing)
 * @param checks      the checks to run (at least one)
 * @param policy      thresholds and tag policy
 * @param settings    the caller's AWS settings (profile, call ledger)
 * @param concurrency how many account × region collections run at once (at least 1)
 * @param lastDay     the last complete UTC day metrics cover (normally yesterday)
 */
public record ScanRequest(
        AccountSelection accounts,
        RegionSelection regions,
        String homeRegion,
        List<Check> checks,
        AuditPolicy policy,
        AwsSettings settings,
        int concurrency,
        LocalDate lastDay) {

    public ScanRequest {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(lastDay, "lastDay");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("at least one check");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
