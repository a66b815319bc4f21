package dev.tally.constructs.defaults;

import java.util.List;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.RestApiProps;
import software.amazon.awscdk.services.apigateway.StageOptions;

/** Default props for API Gateway REST APIs. */
public final class ApiGatewayDefaults {

  private ApiGatewayDefaults() {}

  /**
   * A regional REST API whose CDK-made account role is switched off: the account-level CloudWatch role is a
   * per-region singleton, and the CDK's version attaches an AWS managed policy (AwsSolutions-IAM4). Constructs that
   * need execution logging create their own inline-policy role (see the renewal pipeline).
   */
  public static RestApiProps.Builder restApiProps() {
    return RestApiProps.builder()
        .endpointTypes(List.of(EndpointType.REGIONAL))
        .cloudWatchRole(false);
  }

  /**
   * A stage with X-Ray tracing, INFO execution logs, detailed metrics and JSON access logs. Request and response
   * bodies are not logged ({@code dataTraceEnabled=false}): they carry customer data.
   */
  public static StageOptions.Builder stageOptions() {
    return StageOptions.builder()
        .tracingEnabled(true)
        .loggingLevel(MethodLoggingLevel.INFO)
        .dataTraceEnabled(false)
        .metricsEnabled(true)
        .accessLogFormat(AccessLogFormat.jsonWithStandardFields(JsonWithStandardFieldProps.builder()
            .caller(true).httpMethod(true).ip(true).protocol(true).requestTime(true)
            .resourcePath(true).responseLength(true).status(true).user(true).build()));
  }
}
