package dev.tally.constructs.finops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.compliance.tags.TagPolicy;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.CfnNatGateway;
import software.amazon.awscdk.services.ec2.CfnVolume;
import software.amazon.awscdk.services.ecs.CfnTaskDefinition;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnAlias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * Every FinOps rule on a compliant and a non-compliant resource, in one synthesis (as cdk-nag's
 * {@code test/rules/*.test.ts} pair them). Levels come from a policy: most rules at error, one at warning, one off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("FinOps pack: each rule flags the non-compliant resource, with its cost, and passes the compliant one")
class FinOpsRulesTest {

  private static final String POLICY = """
      rules:
        LogGroupRetention: {level: error, max-retention-days: 90}
        NatGatewayPerAz: {level: warning}
        GravitonInstanceFamily: {level: error}
      """;

  private Stack stack;
  private Stack production;

  @BeforeAll
  void synthesize() {
    App app = new App();
    stack = new Stack(app, "Costs");
    production = new Stack(app, "Prod");
    Tags.of(production).add("tally:environment", "production");
    Code code = Code.fromInline("exports.handler = async () => {}");

    // LambdaArm64
    Function.Builder.create(stack, "X86Fn").runtime(Runtime.NODEJS_22_X).handler("index.handler").code(code)
        .memorySize(1024).build();
    Function.Builder.create(stack, "ArmFn").runtime(Runtime.NODEJS_22_X).handler("index.handler").code(code)
        .architecture(Architecture.ARM_64).build();
    // LogGroupRetention (ceiling 90 days from the policy)
    LogGroup.Builder.create(stack, "ForeverLogs").retention(RetentionDays.INFINITE).build();
    LogGroup.Builder.create(stack, "YearLogs").retention(RetentionDays.ONE_YEAR).build();
    LogGroup.Builder.create(stack, "MonthLogs").retention(RetentionDays.ONE_MONTH).build();
    // S3LifecycleRule
    new Bucket(stack, "NoLifecycle");
    Bucket.Builder.create(stack, "WithLifecycle").lifecycleRules(List.of(LifecycleRule.builder()
        .expiration(Duration.days(30)).build())).build();
    // DynamoDbProvisionedAutoscaling
    Attribute pk = Attribute.builder().name("pk").type(AttributeType.STRING).build();
    Table.Builder.create(stack, "FixedTable").partitionKey(pk).billingMode(BillingMode.PROVISIONED)
        .readCapacity(100).writeCapacity(50).build();
    Table scaled = Table.Builder.create(stack, "ScaledTable").partitionKey(pk).billingMode(BillingMode.PROVISIONED)
        .build();
    scaled.autoScaleWriteCapacity(software.amazon.awscdk.services.dynamodb.EnableScalingProps.builder()
        .minCapacity(1).maxCapacity(10).build()).scaleOnUtilization(
        software.amazon.awscdk.services.dynamodb.UtilizationScalingProps.builder().targetUtilizationPercent(70).build());
    Table.Builder.create(stack, "OnDemandTable").partitionKey(pk).billingMode(BillingMode.PAY_PER_REQUEST).build();
    // ProvisionedConcurrencySchedule
    Function warm = Function.Builder.create(stack, "WarmFn").runtime(Runtime.NODEJS_22_X).handler("index.handler")
        .code(code).architecture(Architecture.ARM_64).build();
    CfnAlias.Builder.create(stack, "AlwaysWarm").functionName(warm.getFunctionName()).functionVersion("1").name("live")
        .provisionedConcurrencyConfig(CfnAlias.ProvisionedConcurrencyConfigurationProperty.builder()
            .provisionedConcurrentExecutions(5).build()).build();
    Function windowed = Function.Builder.create(stack, "WindowFn").runtime(Runtime.NODEJS_22_X)
        .handler("index.handler").code(code).architecture(Architecture.ARM_64).build();
    CfnAlias.Builder.create(stack, "ScheduledWarm").functionName(windowed.getFunctionName()).functionVersion("1")
        .name("live").provisionedConcurrencyConfig(CfnAlias.ProvisionedConcurrencyConfigurationProperty.builder()
            .provisionedConcurrentExecutions(5).build()).build();
    CfnScalableTarget.Builder.create(stack, "WindowScaling").serviceNamespace("lambda")
        .scalableDimension("lambda:function:ProvisionedConcurrency")
        .resourceId("function:" + windowed.getFunctionName() + ":live").minCapacity(0).maxCapacity(5)
        .scheduledActions(List.of(CfnScalableTarget.ScheduledActionProperty.builder().scheduledActionName("window")
            .schedule("cron(0 0 1 * ? *)").scalableTargetAction(CfnScalableTarget.ScalableTargetActionProperty.builder()
                .minCapacity(5).maxCapacity(5).build()).build()))
        .build();
    // NatGatewayPerAz: two in a non-production stack (the second is flagged), two in production (fine)
    for (Stack s : List.of(stack, production)) {
      CfnNatGateway.Builder.create(s, "NatA").subnetId("subnet-a").build();
      CfnNatGateway.Builder.create(s, "NatB").subnetId("subnet-b").build();
    }
    // GravitonInstanceFamily
    CfnInstance.Builder.create(stack, "X86Instance").instanceType("m5.large").imageId("ami-1").build();
    CfnInstance.Builder.create(stack, "GravitonInstance").instanceType("m7g.large").imageId("ami-1").build();
    CfnDBInstance.Builder.create(stack, "X86Db").engine("postgres").dbInstanceClass("db.r5.xlarge")
        .allocatedStorage("100").storageType("gp3").build();
    CfnTaskDefinition.Builder.create(stack, "X86Task").requiresCompatibilities(List.of("FARGATE")).cpu("256")
        .memory("512").build();
    CfnTaskDefinition.Builder.create(stack, "ArmTask").requiresCompatibilities(List.of("FARGATE")).cpu("256")
        .memory("512").runtimePlatform(CfnTaskDefinition.RuntimePlatformProperty.builder().cpuArchitecture("ARM64")
            .build()).build();
    // Gp3Volume
    CfnVolume.Builder.create(stack, "Gp2Volume").availabilityZone("eu-west-1a").size(500).volumeType("gp2").build();
    CfnVolume.Builder.create(stack, "Gp3Vol").availabilityZone("eu-west-1a").size(500).volumeType("gp3").build();
    // CostAllocationTags
    Queue untagged = new Queue(stack, "UntaggedQueue");
    Queue tagged = new Queue(stack, "TaggedQueue");
    Tags.of(tagged).add("tally:owner", "platform-team");

    TagPolicy tags = TagPolicy.parse("required-tags:\n  - key: tally:owner\n", "test");
    FinOpsPolicy policy = FinOpsPolicy.parse(POLICY, "test", tags);
    NagPackProps props = NagPackProps.builder().reports(false).build();
    // As the gate adds it: READONLY priority, after the Tags aspects.
    AspectOptions readOnly = AspectOptions.builder().priority(AspectPriority.READONLY).build();
    Aspects.of(stack).add(new FinOpsChecks(props, policy), readOnly);
    Aspects.of(production).add(new FinOpsChecks(props, policy), readOnly);
    app.synth();
    assertThat(untagged).isNotNull();
  }

  private List<String> findings(Stack in, String level, String rule) {
    Annotations annotations = Annotations.fromStack(in);
    List<SynthesisMessage> messages = level.equals("error")
        ? annotations.findError("*", Match.stringLikeRegexp("FinOps-" + rule + ":.*"))
        : annotations.findWarning("*", Match.stringLikeRegexp("FinOps-" + rule + ":.*"));
    return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).collect(Collectors.toList());
  }

  private void onlyFlags(String rule, String level, String... ids) {
    List<String> found = findings(stack, level, rule);
    assertThat(found).as(rule).hasSize(ids.length);
    for (String id : ids) {
      assertThat(found).as(rule).anyMatch(f -> f.startsWith("/Costs/" + id + "/") || f.startsWith("/Costs/" + id + " "));
    }
  }

  private String finding(String rule, String id) {
    return findings(stack, "error", rule).stream().filter(f -> f.startsWith("/Costs/" + id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("LambdaArm64: x86 flagged with the extra cost at its memory size; arm64 compliant")
  void lambdaArm64() {
    onlyFlags("LambdaArm64", "error", "X86Fn");
    assertThat(finding("LambdaArm64", "X86Fn")).contains("~USD 3.33/month more per million 1-second invocations at 1024 MB");
  }

  @Test
  @DisplayName("LogGroupRetention: forever and above the policy's 90-day ceiling flagged; a month compliant")
  void logGroupRetention() {
    onlyFlags("LogGroupRetention", "error", "ForeverLogs", "YearLogs");
    assertThat(finding("LogGroupRetention", "ForeverLogs")).contains("kept forever", "~USD 0.03/month");
    assertThat(finding("LogGroupRetention", "YearLogs")).contains("kept 365 days (ceiling 90)");
  }

  @Test
  @DisplayName("S3LifecycleRule: a bucket without rules flagged with the storage-tier difference; with a rule compliant")
  void s3LifecycleRule() {
    onlyFlags("S3LifecycleRule", "error", "NoLifecycle");
    assertThat(finding("S3LifecycleRule", "NoLifecycle")).contains("~USD 1.90/month per 100 GB");
  }

  @Test
  @DisplayName("DynamoDbProvisionedAutoscaling: fixed capacity flagged with its monthly cost; scaled and on-demand compliant")
  void dynamoDb() {
    onlyFlags("DynamoDbProvisionedAutoscaling", "error", "FixedTable");
    // (100 RCU x 0.00013 + 50 WCU x 0.00065) x 730 h
    assertThat(finding("DynamoDbProvisionedAutoscaling", "FixedTable")).contains("~USD 33/month");
  }

  @Test
  @DisplayName("ProvisionedConcurrencySchedule: a 24x7 warm pool flagged with its cost; a scheduled one compliant")
  void provisionedConcurrency() {
    onlyFlags("ProvisionedConcurrencySchedule", "error", "AlwaysWarm");
    assertThat(finding("ProvisionedConcurrencySchedule", "AlwaysWarm")).contains("~USD 44/month for 5 warm instance(s)");
  }

  @Test
  @DisplayName("NatGatewayPerAz (level warning from the policy): the second NAT outside production; none in production")
  void natGateways() {
    onlyFlags("NatGatewayPerAz", "warning", "NatB");
    assertThat(findings(stack, "error", "NatGatewayPerAz")).isEmpty();
    assertThat(findings(stack, "warning", "NatGatewayPerAz")).singleElement().asString().contains("~USD 33/month");
    assertThat(findings(production, "warning", "NatGatewayPerAz")).isEmpty();
  }

  @Test
  @DisplayName("GravitonInstanceFamily: m5 EC2, r5 RDS and x86 Fargate flagged naming the Graviton family; m7g and ARM64 compliant")
  void graviton() {
    onlyFlags("GravitonInstanceFamily", "error", "X86Instance", "X86Db", "X86Task");
    assertThat(finding("GravitonInstanceFamily", "X86Instance")).contains("m5.large to m7g.large");
    assertThat(finding("GravitonInstanceFamily", "X86Db")).contains("db.r5.xlarge to db.r7g.xlarge");
  }

  @Test
  @DisplayName("Gp3Volume: a 500 GB gp2 volume flagged with the saving; gp3 compliant")
  void gp3() {
    onlyFlags("Gp3Volume", "error", "Gp2Volume");
    assertThat(finding("Gp3Volume", "Gp2Volume")).contains("~USD 10/month for 500 GB on gp2");
  }

  @Test
  @DisplayName("CostAllocationTags: a resource lacking a tag-policy key flagged; the tagged one compliant")
  void costAllocationTags() {
    assertThat(findings(stack, "error", "CostAllocationTags"))
        .anyMatch(f -> f.startsWith("/Costs/UntaggedQueue/") && f.contains("missing tally:owner"))
        .noneMatch(f -> f.startsWith("/Costs/TaggedQueue/"));
  }

  @Test
  @DisplayName("a rule set to off in the policy does not run; an unknown rule id or level is refused")
  void levels() {
    FinOpsPolicy off = FinOpsPolicy.parse("rules:\n  LambdaArm64: {level: off}\n", "t", TagPolicy.none());
    assertThat(off.settingsOf("LambdaArm64").level()).isEqualTo(FinOpsPolicy.Level.OFF);
    assertThat(off.settingsOf("Gp3Volume").level()).isEqualTo(FinOpsPolicy.Level.ERROR);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FinOpsPolicy.parse(
        "rules:\n  LambdaArm46: {level: error}\n  Gp3Volume: {level: loud}\n", "finops.yaml", TagPolicy.none()))
        .hasMessageContaining("rules.LambdaArm46: unknown FinOps rule")
        .hasMessageContaining("rules.Gp3Volume.level 'loud' must be error, warning or off");
    App app = new App();
    Stack s = new Stack(app, "Off");
    Function.Builder.create(s, "X86Fn").runtime(Runtime.NODEJS_22_X).handler("index.handler")
        .code(Code.fromInline("exports.handler = async () => {}")).build();
    Aspects.of(s).add(new FinOpsChecks(NagPackProps.builder().reports(false).build(), off));
    app.synth();
    assertThat(findings(s, "error", "LambdaArm64")).isEmpty();
    assertThat(Map.of("loaded", FinOpsPolicy.load(java.nio.file.Path.of("..", "policies", "finops", "rules.yaml"),
        TagPolicy.none()).rules().size())).containsKey("loaded");
  }
}
