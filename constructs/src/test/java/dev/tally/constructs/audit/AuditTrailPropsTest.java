package dev.tally.constructs.audit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;

/** Every prop overridden at once, synthesized once; one assertion per prop. */
@DisplayName("AuditTrail with every prop set")
class AuditTrailPropsTest {

  private static Template template;
  private static Stack stack;
  private static Key key;

  @BeforeAll
  static void synthesize() {
    stack = AuditFixtures.newStack();
    key = Key.Builder.create(stack, "OwnKey").enableKeyRotation(true).build();
    Bucket data = Bucket.Builder.create(stack, "CustomerData").build();
    Function fn = Function.Builder.create(stack, "Fn").runtime(Runtime.NODEJS_22_X).handler("index.handler")
        .code(Code.fromInline("exports.handler = async () => {}")).build();
    new AuditTrail(stack, "Audit", AuditTrailProps.builder()
        .lockMode(AuditLockMode.GOVERNANCE)
        .retentionYears(7)
        .lifecycleRules(List.of(LifecycleRule.builder().id("deep-archive").expiration(Duration.days(7 * 365 + 30))
            .build()))
        .encryptionKey(key)
        .logRetention(RetentionDays.THREE_MONTHS)
        .dataEventBuckets(List.of(data))
        .dataEventFunctions(List.of(fn))
        .build());
    template = Template.fromStack(stack);
  }

  @Test
  @DisplayName("lockMode GOVERNANCE and retentionYears 7 reach the Object Lock default retention")
  void lockModeAndYears() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of("ObjectLockConfiguration", Map.of(
        "ObjectLockEnabled", "Enabled", "Rule", Map.of("DefaultRetention", Map.of("Mode", "GOVERNANCE", "Years", 7)))));
  }

  @Test
  @DisplayName("lockMode GOVERNANCE adds a warning annotation naming the risk")
  void governanceWarning() {
    Annotations.fromStack(stack).hasWarning("/AuditStack/Audit",
        Match.stringLikeRegexp(".*GOVERNANCE mode.*BypassGovernanceRetention.*"));
  }

  @Test
  @DisplayName("lifecycleRules replace the default rule")
  void lifecycleRules() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of("ObjectLockEnabled", true,
        "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("Id", "deep-archive", "Status", "Enabled",
            "ExpirationInDays", 7 * 365 + 30)))));
  }

  @Test
  @DisplayName("encryptionKey is used for the bucket, the trail and the log groups; no key is created")
  void encryptionKey() {
    template.resourceCountIs("AWS::KMS::Key", 1);
    String keyId = stack.getLogicalId((software.amazon.awscdk.CfnElement) key.getNode().getDefaultChild());
    template.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
        "KMSKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
    template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("KmsKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))));
  }

  @Test
  @DisplayName("logRetention sets both log groups' retention")
  void logRetention() {
    template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
  }

  @Test
  @DisplayName("dataEventBuckets and dataEventFunctions become the trail's data event selectors")
  void dataEvents() {
    template.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of("EventSelectors", Match.arrayWith(
        List.of(
            Match.objectLike(Map.of("DataResources", List.of(Match.objectLike(Map.of("Type", "AWS::S3::Object"))))),
            Match.objectLike(Map.of("DataResources", List.of(Match.objectLike(Map.of("Type", "AWS::Lambda::Function")))))
        )))));
  }
}
