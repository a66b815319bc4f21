package dev.tally.constructs.eks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/** The composition example of docs/eks.md, kept compiling, synthesizing and nag-clean here. */
@DisplayName("docs/eks.md composition example")
class EksReadmeExampleTest {

  // --- begin README example (keep in step with docs/eks.md) ---
  static EksPlatform platformFor(Stack stack, String adminRoleArn, String invoiceBucketArn) {
    EksPlatform platform = EksPlatform.Builder.create(stack, "Platform")
        .production(true)                                   // private API endpoint, a NAT gateway per AZ
        .clusterAdminRoleArns(List.of(adminRoleArn))        // an access entry; no aws-auth ConfigMap
        .onDemandMinSize(3).onDemandMaxSize(8)              // stateful work and the system add-ons
        .spotInstanceTypes(List.of(                         // stateless work: three compute-optimized pools
            InstanceType.of(InstanceClass.C7G, InstanceSize.XLARGE),
            InstanceType.of(InstanceClass.C6G, InstanceSize.XLARGE),
            InstanceType.of(InstanceClass.C7GN, InstanceSize.XLARGE)))
        .spotMaxSize(30)
        .build();
    // EKS Pod Identity: pods of billing/billing-api assume this role; no OIDC provider, no annotation.
    Role billingApi = platform.addWorkloadRole("BillingApi", "billing", "billing-api");
    billingApi.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("s3:GetObject"))
        .resources(List.of(invoiceBucketArn + "/invoices/*"))
        .build());
    return platform;
  }
  // --- end README example ---

  private static Stack stack;

  @BeforeAll
  static void synthesize() {
    stack = EksFixtures.newCheckedStack();
    platformFor(stack, EksPlatformOverridesTest.ADMIN, "arn:aws:s3:::example-invoices");
  }

  @Test
  @DisplayName("the example synthesizes with its custom groups; only the workload's own object grant is flagged")
  void synthesizes() {
    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::EKS::Nodegroup", Match.objectLike(Map.of(
        "CapacityType", "SPOT", "InstanceTypes", List.of("c7g.xlarge", "c6g.xlarge", "c7gn.xlarge"))));
    template.hasResourceProperties("AWS::EKS::Cluster", Match.objectLike(Map.of(
        "ResourcesVpcConfig", Match.objectLike(Map.of("EndpointPublicAccess", false)))));
    // The workload's grant is the caller's to justify (a prefix of objects), as every IAM5 finding is.
    assertThat(EksFixtures.nagErrors(stack).lines().toList()).singleElement().asString()
        .contains("BillingApiRole").contains("AwsSolutions-IAM5");
  }

  @Test
  @DisplayName("docs/eks.md shows exactly the code of this test")
  void docsMatchThisCode() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/tally/constructs/eks/EksReadmeExampleTest.java"));
    String example = source.substring(source.indexOf("  static EksPlatform platformFor"),
        source.indexOf("  // --- end README example ---")).stripTrailing();
    assertThat(Files.readString(Path.of("../docs/eks.md"))).contains(example.stripIndent());
  }
}
