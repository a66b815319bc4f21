package dev.tally.examples.renewal;

import dev.tally.constructs.compliance.CfnLint;
import dev.tally.constructs.compliance.ComplianceGate;
import dev.tally.constructs.compliance.NagPacks;
import dev.tally.constructs.compliance.ComplianceReport;
import dev.tally.constructs.renewal.RenewalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A library user's app: one {@link RenewalPipeline} tuned for an ISP whose customers renew on the 2nd-4th of the
 * month, checked by the same {@link ComplianceGate} the Tally app uses.
 *
 * <p>It is built like an app in another repository: its own {@code pom.xml}, no parent, the published
 * {@code dev.tally:tally-constructs} artifact. Run it with the CDK CLI from the repository root (after
 * {@code mvn -B -q -DskipTests install}, which installs the construct library and packages the Lambda jar):
 * <pre>
 * npx --yes aws-cdk@2.1148.1 synth --app 'mvn -B -q -f examples/renewals-app/pom.xml compile exec:java'
 * </pre>
 */
public final class BurstyRenewalsExample {

    /** Stack id (and CloudFormation stack name) of the example. */
    public static final String STACK_ID = "RenewalsExample";

    private BurstyRenewalsExample() {
    }

    /**
     * Builds the example stack into {@code app}.
     *
     * @param functionsJar the Lambda jar built by the functions module
     */
    public static RenewalPipeline build(App app, Path functionsJar) {
        Stack stack = new Stack(app, STACK_ID, StackProps.builder()
                .description("Tally example: bursty renewals drained at a measured rate")
                .build());
        RenewalPipeline pipeline = RenewalPipeline.Builder.create(stack, "Renewals")
                .functionCode(Code.fromAsset(functionsJar.toString()))
                // Drain rate: 25 concurrent workers x 20 renewals a batch, batches gathered for up to 1 s.
                .workerMaxConcurrency(25)
                .workerBatchSize(20)
                .workerMaxBatchingWindow(Duration.seconds(1))
                // The window opens on the 2nd (provisioned concurrency from 2 h before) and closes after the 4th.
                .renewalWindowStartDay(2)
                .renewalWindowEndDay(4)
                .balanceProvisionedConcurrency(10)
                .apiThrottlingRateLimit(300)
                .apiThrottlingBurstLimit(600)
                .logRetention(RetentionDays.TWO_WEEKS)
                .smsSubscribers(List.of("+15555550100"))
                .build();
        Tags.of(stack).add("tally:application", "renewals-example");
        return pipeline;
    }

    public static void main(String[] args) {
        App app = new App();
        Object jarContext = app.getNode().tryGetContext("functionsJar");
        Path jar = Path.of(jarContext == null ? "functions/target/tally-functions.jar" : jarContext.toString());
        if (!Files.isRegularFile(jar)) {
            System.err.println("The Lambda jar " + jar.toAbsolutePath().normalize() + " does not exist: run "
                    + "'mvn -B -q -DskipTests package' first (or pass -c functionsJar=PATH).");
            System.exit(2);
        }
        build(app, jar);
        ComplianceGate gate = ComplianceGate.builder()
                .packs(List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS, NagPacks.FINOPS)) // what RenewalPipeline passes
               .cfnLint(CfnLint.onPath()).build();
        gate.applyTo(app);
        ComplianceReport report = gate.verify(app.synth());
        System.err.print(report.render());
        if (!report.passed()) {
            System.exit(1);
        }
    }
}
