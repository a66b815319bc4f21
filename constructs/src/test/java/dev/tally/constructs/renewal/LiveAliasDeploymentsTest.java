package dev.tally.constructs.renewal;

import static dev.tally.constructs.renewal.RenewalPipelineDefaultsTest.logicalId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.TimeBasedCanaryTrafficRouting;

@DisplayName("RenewalPipeline deployments: CodeDeploy on the ingest and balance live aliases")
class LiveAliasDeploymentsTest {

  private static RenewalPipeline staging;
  private static Template stagingTemplate;
  private static Template productionTemplate;
  private static Template customTemplate;

  @BeforeAll
  static void synthesize() {
    Stack stagingStack = PipelineFixtures.newStack();
    staging = new RenewalPipeline(stagingStack, "Renewals", PipelineFixtures.minimalProps().build());
    stagingTemplate = Template.fromStack(stagingStack);
    productionTemplate = Template.fromStack(PipelineFixtures.stackWith(
        PipelineFixtures.minimalProps().production(true).build(), stack -> { }));
    Stack customStack = PipelineFixtures.newStack();
    LambdaDeploymentConfig fivePercent = LambdaDeploymentConfig.Builder.create(customStack, "FivePercent")
        .trafficRouting(TimeBasedCanaryTrafficRouting.Builder.create()
            .percentage(5).interval(Duration.minutes(10)).build())
        .build();
    new RenewalPipeline(customStack, "Renewals", PipelineFixtures.minimalProps()
        .production(true).deploymentConfig(fivePercent).build());
    customTemplate = Template.fromStack(customStack);
  }

  /** The version's logical id carries a hash of the function's configuration after the construct's own id. */
  private static Map<String, Object> versionRef(software.amazon.awscdk.services.lambda.Function function) {
    return Map.of("Ref", Match.stringLikeRegexp(logicalId(function.getCurrentVersion()) + ".*"));
  }

  @Test
  @DisplayName("two deployment groups, one CodeDeploy application (Lambda platform)")
  void twoGroups() {
    stagingTemplate.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 2);
    stagingTemplate.resourceCountIs("AWS::CodeDeploy::Application", 1);
    stagingTemplate.hasResourceProperties("AWS::CodeDeploy::Application", Map.of("ComputePlatform", "Lambda"));
  }

  @Test
  @DisplayName("default outside production: all at once")
  void stagingShiftsAllAtOnce() {
    stagingTemplate.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
        "DeploymentConfigName", "CodeDeployDefault.LambdaAllAtOnce")), 2);
  }

  @Test
  @DisplayName("default in production: a 10 % canary for 5 minutes, then the rest")
  void productionCanary() {
    productionTemplate.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
        "DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes")), 2);
  }

  @Test
  @DisplayName("deploymentConfig: a custom 5 % canary for 10 minutes is used by both groups")
  void customConfig() {
    customTemplate.hasResourceProperties("AWS::CodeDeploy::DeploymentConfig", Match.objectLike(Map.of(
        "ComputePlatform", "Lambda",
        "TrafficRoutingConfig", Match.objectLike(Map.of("Type", "TimeBasedCanary",
            "TimeBasedCanary", Map.of("CanaryPercentage", 5, "CanaryInterval", 10))))));
    customTemplate.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
        "DeploymentConfigName", Map.of("Ref", Match.anyValue()))), 2);
  }

  @Test
  @DisplayName("rollback: automatic on failure, on a stop request and on any alarm")
  void autoRollback() {
    stagingTemplate.resourcePropertiesCountIs("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
        "AutoRollbackConfiguration", Map.of("Enabled", true, "Events", Match.arrayWith(List.of(
            "DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM"))))), 2);
  }

  @Test
  @DisplayName("each group rolls back on its own function's errors alarm")
  void rollsBackOnErrorsAlarm() {
    for (String alarm : List.of("IngestErrorsAlarm", "BalanceErrorsAlarm")) {
      stagingTemplate.hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
          "AlarmConfiguration", Match.objectLike(Map.of("Enabled", true, "Alarms", List.of(Map.of("Name",
              Map.of("Ref", logicalId(staging.getNode().findChild(alarm))))))))));
    }
  }

  @Test
  @DisplayName("ingest and balance aliases are updated by CodeDeploy with their pre-traffic hook; the others are not")
  void aliasUpdatePolicies() {
    for (String hook : List.of("IngestPreTrafficHook", "BalancePreTrafficHook")) {
      stagingTemplate.hasResource("AWS::Lambda::Alias", Match.objectLike(Map.of(
          "UpdatePolicy", Map.of("CodeDeployLambdaAliasUpdate", Match.objectLike(Map.of(
              "BeforeAllowTrafficHook", Map.of("Ref", logicalId(staging.getNode().findChild(hook)))))))));
    }
    stagingTemplate.resourcePropertiesCountIs("AWS::Lambda::Alias", Match.anyValue(), 4);
    assertThat(stagingTemplate.findResources("AWS::Lambda::Alias", Match.objectLike(Map.of(
        "UpdatePolicy", Match.anyValue())))).hasSize(2);
  }

  @Test
  @DisplayName("the hooks run the hook handler, probing the new version with a harmless request")
  void hookFunctions() {
    stagingTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", RenewalPipeline.PRE_TRAFFIC_HOOK_HANDLER,
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "TARGET_VERSION_ARN", versionRef(staging.getIngestFunction()),
            "PROBE_EVENT", LiveAliasDeployments.INGEST_PROBE,
            "EXPECTED_STATUS_CODES", "400"))))));
    stagingTemplate.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
        "Handler", RenewalPipeline.PRE_TRAFFIC_HOOK_HANDLER,
        "Environment", Map.of("Variables", Match.objectLike(Map.of(
            "TARGET_VERSION_ARN", versionRef(staging.getBalanceFunction()),
            "EXPECTED_STATUS_CODES", "200,404"))))));
  }

  @Test
  @DisplayName("a hook may invoke exactly the new version and report to its deployment group")
  void hookPermissions() {
    stagingTemplate.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
        "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of("Action", "lambda:InvokeFunction",
                "Resource", versionRef(staging.getIngestFunction()))),
            Match.objectLike(Map.of("Action", "codedeploy:PutLifecycleEventHookExecutionStatus"))))))));
  }

  @Test
  @DisplayName("CodeDeploy's roles carry no managed policy; alias updates are scoped to the function and its alias")
  void deploymentRoles() {
    stagingTemplate.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
        "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(
            Match.objectLike(Map.of(
                "Action", List.of("lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig"),
                "Resource", List.of(
                    Map.of("Fn::GetAtt", List.of(logicalId(staging.getBalanceFunction()), "Arn")),
                    Map.of("Ref", logicalId(staging.getBalanceAlias())))))))))));
    stagingTemplate.allResourcesProperties("AWS::IAM::Role", Match.objectLike(Map.of(
        "ManagedPolicyArns", Match.absent())));
  }

  @Test
  @DisplayName("getters expose both deployment groups, for more rollback alarms")
  void getters() {
    assertThat(staging.getIngestDeployment()).isNotNull();
    assertThat(staging.getBalanceDeployment()).isNotNull();
    assertThat(staging.getProps().deploymentConfig()).isSameAs(LambdaDeploymentConfig.ALL_AT_ONCE);
  }
}
