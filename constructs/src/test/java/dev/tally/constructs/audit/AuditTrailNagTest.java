package dev.tally.constructs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.compliance.ComplianceGate;
import dev.tally.constructs.compliance.ComplianceReport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/** The audit trail under the gate, with no suppression file: only its own design suppressions. */
@DisplayName("AuditTrail passes the compliance gate")
class AuditTrailNagTest {

  private static ComplianceReport report;

  @BeforeAll
  static void synthesize(@TempDir Path dir) {
    App app = new App(AppProps.builder().outdir(dir.toString()).build());
    Stack stack = new Stack(app, "Audit");
    new AuditTrail(stack, "Trail", AuditTrailProps.builder().build());
    ComplianceGate gate = ComplianceGate.builder().reports(false).build();
    gate.applyTo(app);
    report = gate.verify(app.synth());
  }

  @Test
  @DisplayName("no unsuppressed error, no stale, expired or over-broad design suppression")
  void passes() {
    assertThat(report.errors()).as(report.render()).isEmpty();
  }

  @Test
  @DisplayName("it needs no suppression at all under AwsSolutions and Serverless")
  void noSuppressions() {
    assertThat(report.suppressions()).isEmpty();
  }
}
