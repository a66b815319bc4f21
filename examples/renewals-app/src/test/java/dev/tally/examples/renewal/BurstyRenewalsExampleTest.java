package dev.tally.examples.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.compliance.CfnLint;
import dev.tally.constructs.compliance.ComplianceGate;
import dev.tally.constructs.compliance.NagPacks;
import dev.tally.constructs.compliance.ComplianceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/** The example synthesizes, carries its custom props into the template, and passes the compliance gate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("BurstyRenewalsExample: a user's app composing RenewalPipeline")
class BurstyRenewalsExampleTest {

    private ComplianceReport report;
    private Template template;

    @BeforeAll
    void synthesize(@TempDir Path dir) throws Exception {
        // Synthesis only copies the asset; the jar's content does not matter here.
        Path jar = Files.writeString(dir.resolve("tally-functions.jar"), "not a real jar");
        App app = new App(AppProps.builder().outdir(dir.resolve("cdk.out").toString()).build());
        BurstyRenewalsExample.build(app, jar);
        ComplianceGate gate = ComplianceGate.builder()
                .packs(List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS, NagPacks.FINOPS)) // what RenewalPipeline passes
               .reports(false).cfnLint(CfnLint.onPath()).build();
        gate.applyTo(app);
        CloudAssembly assembly = app.synth();
        report = gate.verify(assembly);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) assembly.getStackByName(BurstyRenewalsExample.STACK_ID).getTemplate();
        template = Template.fromJSON(json);
    }

    @Test
    @DisplayName("passes the compliance gate (cdk-nag and cfn-lint) with no suppression file")
    void compliant() {
        assertThat(report.errors()).as(report.render()).isEmpty();
        assertThat(report.lintSummary()).startsWith("cfn-lint: 1 template(s) linted, 0 error(s)");
    }

    @Test
    @DisplayName("the custom drain rate and batch size reach the SQS event source")
    void drainRate() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 20, "MaximumBatchingWindowInSeconds", 1,
                "ScalingConfig", Map.of("MaximumConcurrency", 25)));
    }

    @Test
    @DisplayName("the custom throttling reaches the API stage")
    void throttling() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of("MethodSettings", Match.arrayWith(List.of(
                Match.objectLike(Map.of("ThrottlingRateLimit", 300, "ThrottlingBurstLimit", 600))))));
    }

    @Test
    @DisplayName("the operator's phone number is subscribed to the notification topic by SMS")
    void smsSubscriber() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sms", "Endpoint", "+15555550100"));
    }
}
