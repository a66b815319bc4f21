package dev.tally.constructs.renewal;

import dev.tally.constructs.defaults.ApiGatewayDefaults;
import dev.tally.constructs.defaults.LogGroupDefaults;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.ModelOptions;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The renewal REST API: {@code POST /renewals} (validated body and {@code Idempotency-Key} header) to the ingest
 * function, and {@code GET /balance/{customerId}} to the balance alias.
 */
final class RenewalApiFactory {

  /** Header the billing front-end must send; the ingest handler uses it to drop duplicate submissions. */
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final Construct scope;
  private final RenewalPipelineProps props;

  RenewalApiFactory(Construct scope, RenewalPipelineProps props) {
    this.scope = scope;
    this.props = props;
  }

  RestApi create(IFunction ingest, IFunction balance) {
    ILogGroup accessLogs = props.apiAccessLogGroup() != null ? props.apiAccessLogGroup()
        : new LogGroup(scope, "ApiAccessLogs",
            LogGroupDefaults.logGroupProps(props.logRetention(), props.production()).build());
    RestApi api = new RestApi(scope, "Api", ApiGatewayDefaults.restApiProps()
        .description("Renewal intake and balance look-ups")
        .deployOptions(ApiGatewayDefaults.stageOptions()
            .stageName(props.apiStageName())
            .throttlingRateLimit(props.apiThrottlingRateLimit())
            .throttlingBurstLimit(props.apiThrottlingBurstLimit())
            .accessLogDestination(new LogGroupLogDestination(accessLogs))
            .build())
        .defaultMethodOptions(authorization())
        .build());
    if (props.apiGatewayCloudWatchRole()) {
      api.getDeploymentStage().getNode().addDependency(accountCloudWatchRole());
    }
    if (props.apiWebAclArn() != null) {
      CfnWebACLAssociation.Builder.create(scope, "ApiWebAclAssociation")
          .resourceArn(api.getDeploymentStage().getStageArn())
          .webAclArn(props.apiWebAclArn())
          .build();
    }
    RequestValidator validator = api.addRequestValidator("BodyAndParametersValidator",
        RequestValidatorOptions.builder()
            .requestValidatorName("body-and-parameters")
            .validateRequestBody(true)
            .validateRequestParameters(true)
            .build());
    api.getRoot().addResource("renewals").addMethod("POST", new LambdaIntegration(ingest), MethodOptions.builder()
        .requestValidator(validator)
        .requestModels(Map.of("application/json", renewalRequestModel(api)))
        .requestParameters(Map.of("method.request.header." + IDEMPOTENCY_HEADER, true))
        .build());
    Resource customerBalance = api.getRoot().addResource("balance").addResource("{customerId}");
    customerBalance.addMethod("GET", new LambdaIntegration(balance), MethodOptions.builder()
        .requestValidator(validator)
        .requestParameters(Map.of("method.request.path.customerId", true))
        .build());
    return api;
  }

  private MethodOptions authorization() {
    if (props.apiAuthorizer() == null) {
      return MethodOptions.builder().authorizationType(AuthorizationType.IAM).build();
    }
    return MethodOptions.builder()
        .authorizer(props.apiAuthorizer())
        .authorizationType(props.apiAuthorizer().getAuthorizationType())
        .build();
  }

  /** Deliberately permissive beyond the two ids: the handler owns the rest of the contract. */
  private static Model renewalRequestModel(RestApi api) {
    JsonSchema id = JsonSchema.builder().type(JsonSchemaType.STRING).minLength(1).maxLength(128).build();
    return api.addModel("RenewalRequestModel", ModelOptions.builder()
        .contentType("application/json")
        .modelName("RenewalRequest")
        .schema(JsonSchema.builder()
            .schema(JsonSchemaVersion.DRAFT4)
            .title("RenewalRequest")
            .type(JsonSchemaType.OBJECT)
            .required(List.of("customerId", "planId"))
            .properties(Map.of("customerId", id, "planId", id))
            .build())
        .build());
  }

  /**
   * The region's API Gateway account role, with an inline policy instead of the CDK default's AWS managed policy.
   * Writes are scoped to API Gateway's execution-log groups. Retained on stack deletion: the account setting would
   * otherwise point at a deleted role and break execution logging of every API in the region.
   */
  private CfnAccount accountCloudWatchRole() {
    String logs = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:";
    Role role = Role.Builder.create(scope, "ApiGatewayCloudWatchRole")
        .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
        .description("Lets API Gateway write execution logs (account-level setting for this region)")
        .inlinePolicies(Map.of("ExecutionLogs", PolicyDocument.Builder.create().statements(List.of(
            PolicyStatement.Builder.create()
                .actions(List.of("logs:DescribeLogGroups"))
                .resources(List.of(logs + "*"))
                .build(),
            PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams",
                    "logs:PutLogEvents", "logs:GetLogEvents", "logs:FilterLogEvents"))
                .resources(List.of(logs + "API-Gateway-Execution-Logs_*"))
                .build())).build()))
        .build();
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    CfnAccount account = CfnAccount.Builder.create(scope, "ApiGatewayAccount")
        .cloudWatchRoleArn(role.getRoleArn())
        .build();
    account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return account;
  }
}
