package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sns.Topic;

/** The composition example of docs/portal.md, kept compiling, synthesizing and nag-clean here. */
@DisplayName("docs/portal.md composition example")
class PortalReadmeExampleTest {

  // --- begin README example (keep in step with docs/portal.md) ---
  static CustomerPortal portalFor(Stack stack, Code importCode, IRepository images, String certificateArn) {
    // Alarms go to a topic with a customer-managed key that CloudWatch may use (the AWS-managed SNS key cannot).
    Key alarmKey = Key.Builder.create(stack, "AlarmKey").enableKeyRotation(true).build();
    alarmKey.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    Topic opsAlarms = Topic.Builder.create(stack, "OpsAlarms").masterKey(alarmKey).enforceSsl(true).build();

    return CustomerPortal.Builder.create(stack, "Portal")
        .production(true)                                   // Multi-AZ database, a NAT gateway per AZ
        .ecrRepository(images).imageTag("2026.12.1")        // an immutable release tag, never latest
        .certificate(ListenerCertificate.fromArn(certificateArn))   // HTTPS; HTTP is redirected
        .cpu(1024).memoryLimitMiB(2048)
        .maxTaskCount(12)
        .peakMinTaskCount(6).peakEndDay(7)                  // a higher floor from the 1st to the 7th
        .documentsArchiveAfter(Duration.days(90))           // invoices are opened for a quarter
        .databaseInstanceType(InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE))
        .backupRetention(Duration.days(14))
        .importFunctionCode(importCode)
        .importHour(1)                                      // 01:00 UTC on the 1st, then hourly
        .alarmTopic(opsAlarms)
        .build();
  }
  // --- end README example ---

  private static Stack stack;
  private static CustomerPortal portal;

  @BeforeAll
  static void synthesize() {
    stack = PortalFixtures.newStack();
    PortalFixtures.addNagPacks(stack);
    portal = portalFor(stack, PortalFixtures.placeholderCode(),
        Repository.fromRepositoryName(stack, "Images", "customer-portal"),
        CustomerPortalOverridesTest.CERTIFICATE);
  }

  @Test
  @DisplayName("the example synthesizes with its custom sizes and is nag-clean")
  void synthesizes() {
    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
        "Cpu", "1024", "Memory", "2048")));
    template.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
        "DBInstanceClass", "db.m7g.large", "MultiAZ", true)));
    assertThat(portal.getProps().production()).isTrue();
    assertThat(PortalFixtures.nagErrors(stack)).isEmpty();
  }

  @Test
  @DisplayName("docs/portal.md shows exactly the code of this test")
  void docsMatchThisCode() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/tally/constructs/portal/PortalReadmeExampleTest.java"));
    String example = source.substring(source.indexOf("  static CustomerPortal portalFor"),
        source.indexOf("  // --- end README example ---")).stripTrailing();
    assertThat(Files.readString(Path.of("../docs/portal.md"))).contains(example.stripIndent());
  }
}
