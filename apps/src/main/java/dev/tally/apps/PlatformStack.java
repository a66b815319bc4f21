package dev.tally.apps;

import dev.tally.constructs.eks.EksPlatform;
import dev.tally.constructs.eks.EksPlatformProps;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The EKS platform of one environment: an {@link EksPlatform} sized by {@link PlatformSizing}. Context key
 * (optional): {@code eksAdminRoleArns}, comma-separated IAM role ARNs given cluster-admin through access entries;
 * without it the deploying identity is the cluster's admin.
 */
public final class PlatformStack extends Stack {

    /** Construct id of the platform inside the stack; part of every resource path (and suppression path). */
    public static final String PLATFORM_ID = "Platform";

    private final EksPlatform platform;

    public PlatformStack(Construct scope, String id, StackProps props, EnvironmentSizing environment) {
        super(scope, id, props);
        PlatformSizing sizing = PlatformSizing.of(environment);
        Object admins = getNode().tryGetContext("eksAdminRoleArns");
        List<String> adminRoleArns = admins == null || admins.toString().isBlank() ? List.of()
                : Arrays.stream(admins.toString().split(",")).map(String::strip).toList();
        platform = new EksPlatform(this, PLATFORM_ID, EksPlatformProps.builder()
                .production(environment.production())
                .clusterAdminRoleArns(adminRoleArns)
                .onDemandMinSize(sizing.onDemandMin())
                .onDemandMaxSize(sizing.onDemandMax())
                .spotMaxSize(sizing.spotMax())
                .logRetention(environment.logRetention())
                .build());
    }

    /** The platform, for tests and for stacks that deploy onto it. */
    public EksPlatform getPlatform() {
        return platform;
    }
}
