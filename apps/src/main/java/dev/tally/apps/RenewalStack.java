package dev.tally.apps;

import dev.tally.constructs.operations.AlarmTopics;
import dev.tally.constructs.operations.AlarmTopicsProps;
import dev.tally.constructs.operations.RenewalOperations;
import dev.tally.constructs.operations.RenewalOperationsProps;
import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.renewal.RenewalPipelineProps;
import java.nio.file.Path;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The renewal service of one environment: a {@link RenewalPipeline} sized by {@link EnvironmentSizing}. Every
 * environment instantiates this same class, which is what keeps their topology identical.
 */
public final class RenewalStack extends Stack {

    /** Construct id of the pipeline inside the stack; part of every resource path (and suppression path). */
    public static final String PIPELINE_ID = "Pipeline";

    /** Construct id of the page and ticket topics. */
    public static final String ALARMS_ID = "Alarms";
    /** Construct id of the SLOs, alarm routing and dashboard. */
    public static final String OPERATIONS_ID = "Operations";

    private final RenewalPipeline pipeline;
    private final AlarmTopics alarmTopics;
    private final RenewalOperations operations;

    /**
     * @param functionsJar the Lambda jar; each stack makes its own asset from it (an asset belongs to one stack)
     */
    public RenewalStack(Construct scope, String id, StackProps props, EnvironmentSizing sizing, Path functionsJar,
            AlarmSubscribers subscribers) {
        super(scope, id, props);
        this.pipeline = new RenewalPipeline(this, PIPELINE_ID, RenewalPipelineProps.builder()
                .functionCode(Code.fromAsset(functionsJar.toString()))
                .production(sizing.production())
                .workerMaxConcurrency(sizing.drainRate())
                .balanceProvisionedConcurrency(sizing.balanceProvisionedConcurrency())
                .apiThrottlingRateLimit(sizing.apiRateLimit())
                .apiThrottlingBurstLimit(sizing.apiBurstLimit())
                .logRetention(sizing.logRetention())
                .build());
        // Production shifts traffic in a canary (the pipeline's default when production); staging all at once.
        this.alarmTopics = new AlarmTopics(this, ALARMS_ID, AlarmTopicsProps.builder()
                .pageSubscribers(subscribers.page())
                .ticketSubscribers(subscribers.ticket())
                .deliveryFailureQueue(pipeline.getFailureQueue())
                .production(sizing.production())
                .build());
        this.operations = new RenewalOperations(this, OPERATIONS_ID, RenewalOperationsProps.builder()
                .pipeline(pipeline)
                .alarmTopics(alarmTopics)
                .dashboardName(sizing.stackName("renewal"))
                .build());
    }

    /** The page and ticket topics every alarm of the stack publishes to. */
    public AlarmTopics getAlarmTopics() {
        return alarmTopics;
    }

    /** The SLOs, routing and dashboard. */
    public RenewalOperations getOperations() {
        return operations;
    }

    /** The pipeline, for tests and for stacks that integrate with it. */
    public RenewalPipeline getPipeline() {
        return pipeline;
    }
}
