package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;

/** Packs are chosen by name: each of the six catches a violation, and only the chosen ones run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ComplianceGate packs: every pack catches a violation, only chosen packs run")
class NagPacksGateTest {

  private ComplianceReport all;
  private ComplianceReport finOpsOnly;

  private static ComplianceReport gate(Path dir, List<String> packs) {
    App app = new App(AppProps.builder().outdir(dir.toString()).build());
    Stack stack = new Stack(app, "Plain");
    new Bucket(stack, "PlainBucket");                                       // no logging, no lifecycle, no KMS
    LogGroup.Builder.create(stack, "Logs").retention(RetentionDays.INFINITE).build(); // no KMS, kept forever
    new software.amazon.awscdk.services.sqs.Queue(stack, "Queue");           // no DLQ, no TLS-only policy
    ComplianceGate.Builder builder = ComplianceGate.builder().reports(false);
    if (packs != null) {
      builder.packs(packs);
    }
    ComplianceGate gate = builder.build();
    gate.applyTo(app);
    return gate.verify(app.synth());
  }

  @BeforeAll
  void synthesize(@TempDir Path one, @TempDir Path two) {
    all = gate(one, null);
    finOpsOnly = gate(two, List.of(NagPacks.FINOPS));
  }

  @Test
  @DisplayName("by default all six packs run, and each reports a violation on a plain bucket, log group and queue")
  void everyPackCatchesAViolation() {
    assertThat(all.errorRules()).contains("AwsSolutions-S1", "Serverless-SQSRedrivePolicy",
        "NIST.800.53.R5-CloudWatchLogGroupEncrypted", "PCI.DSS.321-S3BucketLoggingEnabled",
        "HIPAA.Security-CloudWatchLogGroupEncrypted", "FinOps-S3LifecycleRule", "FinOps-LogGroupRetention");
    for (String pack : NagPacks.ALL) {
      assertThat(all.errorRules()).as(pack).anyMatch(rule -> rule.startsWith(pack + "-"));
    }
  }

  @Test
  @DisplayName("a gate given one pack runs that pack only")
  void onlyChosenPacksRun() {
    assertThat(finOpsOnly.errorRules()).isNotEmpty().allMatch(rule -> rule.startsWith("FinOps-"));
  }

  @Test
  @DisplayName("an unknown or repeated pack name is refused, naming it and the choices")
  void badPackNames() {
    assertThatThrownBy(() -> ComplianceGate.builder().packs(List.of("NIST", "FinOps", "FinOps")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown nag pack 'NIST': choose from AwsSolutions, Serverless, NIST.800.53.R5")
        .hasMessageContaining("nag pack FinOps is listed twice");
  }
}
