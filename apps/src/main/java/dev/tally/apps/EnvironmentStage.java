package dev.tally.apps;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One environment's stack set ({@code Staging} or {@code Production}): the same stacks in every environment, sized by
 * {@link EnvironmentSizing}, tagged by {@link CostAllocationTags}. Its assembly lands in
 * {@code cdk.out/assembly-<Stage>/}, with the nag reports beside the templates.
 */
public final class EnvironmentStage extends Stage {

    /** Construct id of the renewal stack inside the stage. */
    public static final String RENEWAL_STACK_ID = "Renewal";

    /** Construct id of the customer portal stack inside the stage. */
    public static final String PORTAL_STACK_ID = "Portal";
    /** Construct id of the EKS platform stack inside the stage. */
    public static final String PLATFORM_STACK_ID = "Platform";

    private final RenewalStack renewal;
    private final PortalStack portal;
    private final PlatformStack platform;

    public EnvironmentStage(Construct scope, EnvironmentSizing sizing, AppSettings settings) {
        super(scope, sizing.stageId(), stageProps(settings));
        AlarmSubscribers subscribers = AlarmSubscribers.from(key -> scope.getNode().tryGetContext(key), sizing);
        this.renewal = new RenewalStack(this, RENEWAL_STACK_ID, StackProps.builder()
                .stackName(sizing.stackName("renewal"))
                .description("Tally renewal pipeline (" + sizing.name() + ")")
                .terminationProtection(sizing.production())
                .build(), sizing, settings.functionsJar(), subscribers);
        this.portal = new PortalStack(this, PORTAL_STACK_ID, StackProps.builder()
                .stackName(sizing.stackName("portal"))
                .description("Tally customer portal (" + sizing.name() + ")")
                .terminationProtection(sizing.production())
                .build(), sizing, settings.functionsJar(), subscribers);
        this.platform = new PlatformStack(this, PLATFORM_STACK_ID, StackProps.builder()
                .stackName(sizing.stackName("platform"))
                .description("Tally EKS platform (" + sizing.name() + ")")
                .terminationProtection(sizing.production())
                .build(), sizing);
        CostAllocationTags.applyTo(this, sizing, settings);
    }

    private static StageProps stageProps(AppSettings settings) {
        StageProps.Builder props = StageProps.builder();
        if (settings.account().isPresent() && settings.region().isPresent()) {
            props.env(Environment.builder().account(settings.account().get()).region(settings.region().get()).build());
        }
        return props.build();
    }

    public RenewalStack getRenewal() {
        return renewal;
    }

    public PortalStack getPortal() {
        return portal;
    }

    public PlatformStack getPlatform() {
        return platform;
    }
}
