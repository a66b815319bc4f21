package dev.tally.apps;

import dev.tally.constructs.compliance.tags.TagPolicy;
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

    /** Construct id of the audit stack inside the stage. */
    public static final String AUDIT_STACK_ID = "Audit";

    private final AuditStack audit;
    private final RenewalStack renewal;
    private final PortalStack portal;
    private final PlatformStack platform;

    /** The stage tagged by the tag policy {@code settings} names. */
    public EnvironmentStage(Construct scope, EnvironmentSizing sizing, AppSettings settings) {
        this(scope, sizing, settings, TagPolicy.load(settings.tagPolicyFile()));
    }

    public EnvironmentStage(Construct scope, EnvironmentSizing sizing, AppSettings settings, TagPolicy tagPolicy) {
        super(scope, sizing.stageId(), stageProps(settings.targetOf(sizing)));
        AlarmSubscribers subscribers = AlarmSubscribers.from(key -> scope.getNode().tryGetContext(key), sizing);
        // Every environment has its audit trail; it is never deleted with a careless 'cdk destroy'.
        this.audit = new AuditStack(this, AUDIT_STACK_ID, StackProps.builder()
                .stackName(sizing.stackName("audit"))
                .description("Tally audit trail (" + sizing.name() + ")")
                .terminationProtection(true)
                .build(), sizing);
        this.renewal = new RenewalStack(this, RENEWAL_STACK_ID, StackProps.builder()
                .stackName(sizing.stackName("renewal"))
                .description("Tally renewal pipeline (" + sizing.name() + ")")
                .terminationProtection(sizing.production())
                .build(), sizing, settings.functionsJar(), subscribers, audit.getTrail().getAccessLogGroup());
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
        CostAllocationTags.applyTo(this, sizing, settings, tagPolicy);
    }

    /** The stage's account and region, when context gives them: literal values, so synthesis makes no look-up. */
    private static StageProps stageProps(java.util.Optional<DeploymentTarget> target) {
        StageProps.Builder props = StageProps.builder();
        target.ifPresent(t -> props.env(Environment.builder().account(t.account()).region(t.region()).build()));
        return props.build();
    }

    public AuditStack getAudit() {
        return audit;
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
