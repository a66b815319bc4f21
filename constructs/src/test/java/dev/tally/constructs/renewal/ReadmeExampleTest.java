package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;

/** The composition example of the README, kept compiling and synthesizing here. */
@DisplayName("README composition example")
class ReadmeExampleTest {

  // --- begin README example (keep in step with docs/constructs.md) ---
  static RenewalPipeline renewalsFor(Stack stack, Code functionCode, IRole billingBackEnd) {
    // Alarms go to a topic with a customer-managed key that CloudWatch may use (the AWS-managed SNS key cannot).
    Key alarmKey = Key.Builder.create(stack, "AlarmKey").enableKeyRotation(true).build();
    alarmKey.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    Topic opsAlarms = Topic.Builder.create(stack, "OpsAlarms").masterKey(alarmKey).enforceSsl(true).build();

    RenewalPipeline renewals = RenewalPipeline.Builder.create(stack, "Renewals")
        .functionCode(functionCode)
        .production(true)                                  // RETAIN + deletion protection
        .workerMaxConcurrency(40)                          // drain rate: ~40 x 25 / 0.5 s = 2,000 renewals/s
        .workerBatchSize(25)
        .workerMaxBatchingWindow(Duration.seconds(3))      // required once the batch is above 10
        .balanceProvisionedConcurrency(20)                 // warm balance look-ups, renewal window only
        .renewalWindowLeadHours(4)                         // warm from 20:00 UTC the day before
        .smsSubscribers(List.of("+15555550100"))           // the on-call phone
        .alarmTopic(opsAlarms)
        .build();
    renewals.grantSubmitRenewals(billingBackEnd);          // IAM (SigV4) is the API's default authorization
    renewals.grantReadBalance(billingBackEnd);
    return renewals;
  }
  // --- end README example ---

  private static Stack stack;
  private static RenewalPipeline renewals;

  @BeforeAll
  static void synthesize() {
    stack = PipelineFixtures.newStack();
    Aspects.of(stack).add(new AwsSolutionsChecks());
    Aspects.of(stack).add(new ServerlessChecks());
    Role billing = Role.Builder.create(stack, "BillingBackEnd").assumedBy(new AccountRootPrincipal()).build();
    renewals = renewalsFor(stack, PipelineFixtures.placeholderCode(), billing);
  }

  @Test
  @DisplayName("the example synthesizes with its custom sizes")
  void synthesizes() {
    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
        "BatchSize", 25, "ScalingConfig", Map.of("MaximumConcurrency", 40))));
    template.resourceCountIs("AWS::SNS::Subscription", 1);
    assertThat(renewals.getProps().production()).isTrue();
  }

  @Test
  @DisplayName("the example's pipeline and alarm topic have no nag errors")
  void exampleIsNagClean() {
    String errors = Annotations.fromStack(stack)
        .findError("*", Match.stringLikeRegexp("AwsSolutions-.*|Serverless-.*")).stream()
        .filter(m -> !m.getId().contains("/BillingBackEnd/"))   // the caller's role is the app's to scope
        .map(m -> m.getId() + " " + m.getEntry().getData())
        .collect(Collectors.joining("\n"));
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("the README shows exactly the code of this test")
  void readmeMatchesThisCode() throws Exception {
    java.nio.file.Path readme = java.nio.file.Path.of("../docs/constructs.md");
    java.nio.file.Path self = java.nio.file.Path.of(
        "src/test/java/dev/tally/constructs/renewal/ReadmeExampleTest.java");
    String source = java.nio.file.Files.readString(self);
    String example = source.substring(source.indexOf("  static RenewalPipeline renewalsFor"),
        source.indexOf("  // --- end README example ---")).stripTrailing();
    assertThat(java.nio.file.Files.readString(readme)).contains(example.stripIndent());
  }
}
