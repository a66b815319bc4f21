package dev.tally.constructs.compliance.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.constructs.compliance.ComplianceGate;
import dev.tally.constructs.compliance.ComplianceReport;
import dev.tally.constructs.compliance.InvalidSuppressionsException;
import dev.tally.constructs.compliance.NagFinding;
import dev.tally.constructs.compliance.NagPacks;
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
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.sqs.CfnQueue;

/** The gate against a tag policy: a missing key and a disallowed value are caught; exempt types are not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("RequiredTagsCheck: the tag policy enforced on every taggable resource")
class RequiredTagsCheckTest {

    /** The packs these gate tests were written for (the gate's default runs all six). */
    private static final java.util.List<String> TWO_PACKS = java.util.List.of(NagPacks.AWS_SOLUTIONS, NagPacks.SERVERLESS);

  private static final String POLICY = """
      required-tags:
        - key: tally:owner
        - key: tally:environment
          allowed-values: [staging, production]
        - key: tally:application
          exempt: [ec2:security-group]
      """;

  private ComplianceReport report;

  @BeforeAll
  void synthesize(@TempDir Path dir) {
    App app = new App(AppProps.builder().outdir(dir.toString()).build());
    Stack stack = new Stack(app, "Tagged");
    CfnQueue good = CfnQueue.Builder.create(stack, "Good").build();
    CfnQueue untagged = CfnQueue.Builder.create(stack, "NoOwner").build();
    CfnQueue badValue = CfnQueue.Builder.create(stack, "Dev").build();
    CfnSecurityGroup group = CfnSecurityGroup.Builder.create(stack, "Group").groupDescription("shared").build();
    for (var resource : List.of(good, untagged, badValue, group)) {
      Tags.of(resource).add("Tally:Environment", resource == badValue ? "development" : "staging");
      if (resource != untagged) {
        Tags.of(resource).add("tally:owner", "platform-team");
      }
      if (resource != group) {
        Tags.of(resource).add("tally:application", "tally");
      }
    }
    ComplianceGate gate = ComplianceGate.builder().packs(TWO_PACKS).reports(false).requiredTags(TagPolicy.parse(POLICY, "test")).build();
    gate.applyTo(app);
    report = gate.verify(app.synth());
  }

  private List<NagFinding> tagFindings() {
    return report.errors().stream().filter(f -> f.ruleId().equals(RequiredTagsCheck.RULE)).toList();
  }

  @Test
  @DisplayName("a resource lacking a required key fails the gate, naming the resource and the key")
  void missingKey() {
    assertThat(report.passed()).isFalse();
    assertThat(tagFindings()).anySatisfy(f -> {
      assertThat(f.path()).isEqualTo("/Tagged/NoOwner");
      assertThat(f.message()).startsWith("AWS::SQS::Queue lacks the required tag 'tally:owner'");
    });
  }

  @Test
  @DisplayName("a value the policy does not allow fails the gate, listing the allowed values")
  void disallowedValue() {
    assertThat(tagFindings()).anySatisfy(f -> {
      assertThat(f.path()).isEqualTo("/Tagged/Dev");
      assertThat(f.message()).contains("tally:environment=development", "allowed: staging, production");
    });
  }

  @Test
  @DisplayName("keys compare ignoring case, and an exempt type needs no exempt key: nothing else is reported")
  void onlyTheTwoViolations() {
    assertThat(tagFindings()).extracting(NagFinding::path).containsExactlyInAnyOrder("/Tagged/NoOwner", "/Tagged/Dev");
  }

  @Test
  @DisplayName("CloudFormation types map onto the policy's ARN-style types")
  void typeMapping() {
    RequiredTag tag = new RequiredTag("k", java.util.Set.of("ec2", "elasticloadbalancing:loadbalancer"),
        java.util.Set.of("ec2:security-group"), List.of());
    assertThat(tag.requiredOn("AWS::EC2::Instance")).isTrue();
    assertThat(tag.requiredOn("AWS::EC2::SecurityGroup")).isFalse();
    assertThat(tag.requiredOn("AWS::ElasticLoadBalancingV2::LoadBalancer")).isTrue();
    assertThat(tag.requiredOn("AWS::SQS::Queue")).isFalse();
  }

  @Test
  @DisplayName("the repository's policies/tag-policy.yaml loads, and a bad policy is refused with every problem")
  void loading() {
    assertThat(TagPolicy.load(Path.of("..", "policies", "tag-policy.yaml")).keys())
        .containsExactly("tally:owner", "tally:cost-center", "tally:environment", "tally:application");
    assertThatThrownBy(() -> TagPolicy.parse("""
        required-tags:
          - key: a
            colour: red
          - key: A
          - description: no key
        """, "bad.yaml"))
        .isInstanceOf(InvalidSuppressionsException.class)
        .hasMessageContaining("unknown key 'colour'")
        .hasMessageContaining("'A' is listed twice")
        .hasMessageContaining("required-tags[2].key is required");
  }
}
