package dev.tally.apps;

import java.util.List;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;

/**
 * What differs between the customer portal's environments (the topology does not): task counts, the database's
 * size and backups, and the FARGATE_SPOT share staging may use. Keyed by {@link EnvironmentSizing#name()}.
 *
 * @param environment          the {@link EnvironmentSizing#name()} these sizes belong to
 * @param minTasks             fewest portal tasks
 * @param maxTasks             most portal tasks
 * @param peakMinTasks         the floor on the busy days of the month (1st-10th)
 * @param fargateSpotShare     percentage of tasks above the first on FARGATE_SPOT (0 in production)
 * @param databaseInstanceType the database's instance class (Graviton)
 * @param backupRetentionDays  automated backups kept, days
 */
public record PortalSizing(String environment, int minTasks, int maxTasks, int peakMinTasks, int fargateSpotShare,
        InstanceType databaseInstanceType, int backupRetentionDays) {

    /** Two tasks, half of them beyond the first on spot, the smallest database with Performance Insights. */
    public static final PortalSizing STAGING = new PortalSizing("staging", 2, 4, 2, 50,
            InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM), 1);

    /**
     * 12,000 active users, most of them on the 1st-10th: 4 tasks of 0.5 vCPU carry that peak with headroom, 2 the
     * rest of the month; a Multi-AZ db.t4g.large (production's default) for the metadata of 1.6 million documents.
     */
    public static final PortalSizing PRODUCTION = new PortalSizing("production", 2, 12, 4, 0,
            InstanceType.of(InstanceClass.T4G, InstanceSize.LARGE), 14);

    private static final List<PortalSizing> ALL = List.of(STAGING, PRODUCTION);

    /** The portal sizes of {@code environment}. */
    public static PortalSizing of(EnvironmentSizing environment) {
        return ALL.stream().filter(s -> s.environment().equals(environment.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no portal sizing for " + environment.name()));
    }
}
