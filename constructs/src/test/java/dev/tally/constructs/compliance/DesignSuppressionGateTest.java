package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Suppressions a construct adds about its own design are reviewed like the file's: expired, stale and over-broad
 * ones fail the gate, and every one in force is listed with its scope, owner and expiry.
 */
@DisplayName("Design suppressions: expiry, stale and over-broad checks, and the report's list")
class DesignSuppressionGateTest {

    /** The packs these gate tests were written for (the gate's default runs all six). */
    private static final java.util.List<String> TWO_PACKS = java.util.List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS);

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final String REASON = "A terminal queue has nowhere further to redrive its failed messages to.";

  @TempDir
  Path outdir;

  /** An encrypted, TLS-only queue without a DLQ: only Serverless-SQSRedrivePolicy (and AwsSolutions-SQS3) fire. */
  private static Queue terminalQueue(Construct scope, String id) {
    return Queue.Builder.create(scope, id).encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).build();
  }

  private ComplianceReport gate(Consumer<Stack> build) {
    App app = new App(AppProps.builder().outdir(outdir.toString()).build());
    build.accept(new Stack(app, "Design"));
    ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS).reports(false).today(TODAY).build();
    gate.applyTo(app);
    return gate.verify(app.synth());
  }

  private static void suppressTerminal(Construct scope, LocalDate expires) {
    DesignSuppressions.add(scope,
        DesignSuppression.of("Serverless-SQSRedrivePolicy", REASON, "platform-team", expires),
        DesignSuppression.of("AwsSolutions-SQS3", REASON, "platform-team", expires));
  }

  @Test
  @DisplayName("an in-date suppression on the one resource passes and is listed with scope, owner and expiry")
  void inForceAndListed() {
    ComplianceReport report = gate(stack -> suppressTerminal(terminalQueue(stack, "Dlq"), TODAY.plusMonths(6)));

    assertThat(report.errors()).as(report.render()).isEmpty();
    assertThat(report.suppressions()).hasSize(2).allSatisfy(s -> {
      assertThat(s.source()).isEqualTo("design of /Design/Dlq");
      assertThat(s.scope()).isEqualTo("/Design/Dlq");
      assertThat(s.owner()).isEqualTo("platform-team");
      assertThat(s.expires()).isEqualTo(TODAY.plusMonths(6));
    });
    assertThat(report.suppressionsPerPack()).containsEntry("Serverless", 1L).containsEntry("AwsSolutions", 1L);
    assertThat(report.render()).contains("Suppressions in force (2", "design of /Design/Dlq", "expires 2027-06-04");
  }

  @Test
  @DisplayName("suppressions count towards the pack of their rule; a validation failure towards the rule it names")
  void packOfASuppression() {
    java.util.function.Function<String, String> pack = rule ->
        new SuppressionInForce("s", rule, "/x", "o", TODAY, "r").pack();
    assertThat(pack.apply("AwsSolutions-IAM5[Resource::*]")).isEqualTo("AwsSolutions");
    assertThat(pack.apply("NIST.800.53.R5-S3BucketReplicationEnabled")).isEqualTo("NIST.800.53.R5");
    assertThat(pack.apply("CdkNagValidationFailure[Serverless-APIGWStructuredLogging]")).isEqualTo("Serverless");
  }

  @Test
  @DisplayName("an expired design suppression fails the gate, naming the construct, owner and date")
  void expired() {
    ComplianceReport report = gate(stack -> suppressTerminal(terminalQueue(stack, "Dlq"), TODAY.minusDays(1)));

    assertThat(report.passed()).isFalse();
    assertThat(report.errors()).filteredOn(e -> e.message().startsWith("expired")).hasSize(2)
        .allSatisfy(e -> assertThat(e.message()).contains("/Design/Dlq", "platform-team", "2026-12-03"));
  }

  @Test
  @DisplayName("a design suppression more than a year ahead fails the gate")
  void tooFarAhead() {
    ComplianceReport report = gate(stack -> suppressTerminal(terminalQueue(stack, "Dlq"), TODAY.plusYears(2)));

    assertThat(report.errors()).anySatisfy(e -> assertThat(e.message()).contains("more than 366 days ahead"));
  }

  @Test
  @DisplayName("a stale design suppression (its rule no longer fires under the construct) fails the gate")
  void stale() {
    ComplianceReport report = gate(stack -> {
      Queue dlq = terminalQueue(stack, "Dlq");
      Queue fixed = Queue.Builder.create(stack, "Fixed").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
          .deadLetterQueue(software.amazon.awscdk.services.sqs.DeadLetterQueue.builder().queue(dlq)
              .maxReceiveCount(3).build())
          .build();
      DesignSuppressions.add(fixed,
          DesignSuppression.of("Serverless-SQSRedrivePolicy", REASON, "platform-team", TODAY.plusMonths(6)));
    });

    assertThat(report.errors()).filteredOn(e -> e.message().startsWith("stale")).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("/Design/Fixed");
      assertThat(e.message()).startsWith("stale design suppression Serverless-SQSRedrivePolicy of /Design/Fixed")
          .contains("no longer fires");
    });
  }

  @Test
  @DisplayName("an over-broad design suppression (silencing the rule on two resources) fails the gate")
  void overBroad() {
    ComplianceReport report = gate(stack -> {
      Construct parent = new Construct(stack, "Queues");
      terminalQueue(parent, "First");
      terminalQueue(parent, "Second");
      suppressTerminal(parent, TODAY.plusMonths(6));
    });

    assertThat(report.errors()).filteredOn(e -> e.message().startsWith("over-broad")).hasSize(2)
        .allSatisfy(e -> assertThat(e.message()).contains("silences 2 resources",
            "/Design/Queues/First/Resource", "/Design/Queues/Second/Resource"));
  }

  @Test
  @DisplayName("a design suppression without a real reason or owner cannot even be written")
  void reviewDataRequired() {
    assertThatThrownBy(() -> DesignSuppression.of("AwsSolutions-S1", "because", "team", TODAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 20 characters");
    assertThatThrownBy(() -> DesignSuppression.of("AwsSolutions-S1", REASON, " ", TODAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner is required");
  }
}
