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

/** The audit trail under the gate's default (all five cdk-nag packs and FinOps), with no suppression file. */
@DisplayName("AuditTrail passes all five nag packs and the FinOps pack")
class AuditTrailNagTest {

  private static ComplianceReport report;

  @BeforeAll
  static void synthesize(@TempDir Path dir) {
    App app = new App(AppProps.builder().outdir(dir.toString()).build());
    Stack stack = new Stack(app, "Audit");
    new AuditTrail(stack, "Trail", AuditTrailProps.builder().build());
    ComplianceGate gate = ComplianceGate.builder().reports(false).build(); // default: every pack
    gate.applyTo(app);
    report = gate.verify(app.synth());
  }

  @Test
  @DisplayName("no unsuppressed error of any pack, no stale, expired or over-broad design suppression")
  void passes() {
    assertThat(report.errors()).as(report.render()).isEmpty();
  }

  @Test
  @DisplayName("its design suppressions are four per regulated pack, listed with owner and expiry; none for the others")
  void suppressionsListed() {
    assertThat(report.suppressionsPerPack()).containsExactly(
        java.util.Map.entry("HIPAA.Security", 4L), java.util.Map.entry("NIST.800.53.R5", 4L),
        java.util.Map.entry("PCI.DSS.321", 4L));
    assertThat(report.suppressions()).allSatisfy(s -> {
      assertThat(s.source()).startsWith("design of /Audit/Trail");
      assertThat(s.owner()).isEqualTo(AuditTrailNagSuppressions.OWNER);
      assertThat(s.expires()).isEqualTo(AuditTrailNagSuppressions.EXPIRES);
    });
  }
}
