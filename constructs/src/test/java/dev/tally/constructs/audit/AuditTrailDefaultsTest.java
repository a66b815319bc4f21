package dev.tally.constructs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@DisplayName("AuditTrail with default props")
class AuditTrailDefaultsTest {

  private static AuditTrail trail;
  private static Stack stack;
  private static Template template;

  @BeforeAll
  static void synthesize() {
    stack = AuditFixtures.newStack();
    trail = new AuditTrail(stack, "Audit", AuditTrailProps.builder().build());
    template = Template.fromStack(stack);
  }

  @Test
  @DisplayName("the audit bucket has Object Lock in COMPLIANCE mode with a one-year default retention")
  void objectLockCompliance() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "ObjectLockEnabled", true,
        "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
            "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 365)))));
  }

  @Test
  @DisplayName("the audit bucket is versioned, SSE-KMS with the trail's key and a bucket key")
  void versionedAndKmsEncrypted() {
    template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
        "ObjectLockEnabled", true,
        "VersioningConfiguration", Map.of("Status", "Enabled"),
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
            "BucketKeyEnabled", true,
            "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                "KMSMasterKeyID", Match.objectLike(Map.of("Fn::GetAtt", List.of(
                    stack.getLogicalId((software.amazon.awscdk.CfnElement) ((software.amazon.awscdk.services.kms.Key)
                        trail.getKey()).getNode().getDefaultChild()), "Arn"))))))))));
  }

  @Test
  @DisplayName("the key is customer-managed, rotates and is retained")
  void rotatingKey() {
    template.hasResource("AWS::KMS::Key", Map.of(
        "Properties", Match.objectLike(Map.of("EnableKeyRotation", true)),
        "DeletionPolicy", "Retain"));
  }

  @Test
  @DisplayName("the key policy lets CloudTrail and the regional CloudWatch Logs principal use it, scoped by context")
  void keyPolicyForServices() {
    template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(
        Match.objectLike(Map.of("Sid", "CloudTrailEncryptsLogFiles",
            "Principal", Map.of("Service", "cloudtrail.amazonaws.com"),
            "Condition", Match.objectLike(Map.of("StringLike", Match.anyValue())))),
        Match.objectLike(Map.of("Sid", "CloudWatchLogsEncryptsLogGroups",
            "Principal", Map.of("Service", "logs.eu-west-1.amazonaws.com"),
            "Condition", Match.objectLike(Map.of("ArnLike", Match.anyValue())))))))));
  }

  @Test
  @DisplayName("both buckets block all public access, are retained and never auto-deleted")
  void bucketsPrivateAndRetained() {
    template.resourceCountIs("AWS::S3::Bucket", 2);
    template.allResources("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    template.allResourcesProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
        "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
    template.resourceCountIs("Custom::S3AutoDeleteObjects", 0);
  }

  @Test
  @DisplayName("both buckets deny every request not made over TLS")
  void tlsOnly() {
    template.resourcePropertiesCountIs("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))), 2);
  }

  @Test
  @DisplayName("the audit bucket's server access logs go to the separate log bucket (SSE-S3, no Object Lock)")
  void serverAccessLogs() {
    Capture target = new Capture();
    template.hasResourceProperties("AWS::S3::Bucket", Map.of("ObjectLockEnabled", true,
        "LoggingConfiguration", Map.of("DestinationBucketName", Map.of("Ref", target), "LogFilePrefix", "audit-bucket/")));
    Map<String, Object> logBucket = template.findResources("AWS::S3::Bucket").get(target.asString());
    assertThat(logBucket).isNotNull();
    assertThat(logBucket.toString()).contains("AES256").doesNotContain("ObjectLockEnabled");
  }

  @Test
  @DisplayName("default lifecycle: Glacier Instant Retrieval after 90 days, expiry when the retention ends")
  void defaultLifecycle() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of("ObjectLockEnabled", true,
        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
            "ExpirationInDays", 365,
            "Transitions", List.of(Map.of("StorageClass", "GLACIER_IR", "TransitionInDays", 90))))))));
  }

  @Test
  @DisplayName("the trail is multi-region, with global service events, all management events and file validation")
  void multiRegionTrail() {
    template.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
        "IsMultiRegionTrail", true,
        "IncludeGlobalServiceEvents", true,
        "EnableLogFileValidation", true,
        "IsLogging", true,
        "KMSKeyId", Match.anyValue(),
        "S3BucketName", Match.anyValue(),
        "CloudWatchLogsLogGroupArn", Match.anyValue())));
  }

  @Test
  @DisplayName("no data events by default (they are priced per event)")
  void noDataEvents() {
    assertThat(template.findResources("AWS::CloudTrail::Trail").values().iterator().next().toString())
        .doesNotContain("DataResources");
  }

  @Test
  @DisplayName("both log groups (trail, access logs) are KMS-encrypted, kept a year and retained")
  void encryptedLogGroups() {
    template.resourceCountIs("AWS::Logs::LogGroup", 2);
    template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 365, "KmsKeyId", Match.anyValue()));
    template.allResources("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain"));
  }

  @Test
  @DisplayName("COMPLIANCE mode carries no governance warning")
  void noGovernanceWarning() {
    Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp(".*GOVERNANCE.*"));
  }
}
