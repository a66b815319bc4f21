package dev.tally.functions.deploy;

import static dev.tally.functions.common.StructuredLog.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.common.Json;
import dev.tally.functions.common.StructuredLog;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * CodeDeploy's BeforeAllowTraffic check: invokes the new version of a function once with a fixed probe event, before
 * any traffic reaches it, and reports {@code Succeeded} only when it answers with an expected status code. Anything
 * else (a function error, a timeout, an unexpected status, an unreadable answer) reports {@code Failed}, and CodeDeploy
 * stops the deployment with the alias still on the old version.
 *
 * <p>The probe must be harmless to run against production: the ingest probe is a request the API would reject (400,
 * nothing is queued), the balance probe reads a customer that does not exist (404).
 */
public final class PreTrafficProbe {

  /** What the hook decided, and why (logged and returned for tests). */
  public record Verdict(boolean passed, String reason) {}

  private final LambdaClient lambda;
  private final CodeDeployClient codeDeploy;
  private final ProbeSettings settings;
  private final StructuredLog log;
  private final ObjectMapper mapper = Json.newMapper();

  public PreTrafficProbe(LambdaClient lambda, CodeDeployClient codeDeploy, ProbeSettings settings, StructuredLog log) {
    this.lambda = lambda;
    this.codeDeploy = codeDeploy;
    this.settings = settings;
    this.log = log;
  }

  /**
   * Probes the target version and reports the verdict to CodeDeploy.
   *
   * @throws SdkException when the verdict cannot be reported: the Lambda service retries the asynchronous invocation,
   *     and CodeDeploy fails the deployment if no status ever arrives (its hook timeout is one hour)
   */
  public Verdict run(HookEvent event) {
    Verdict verdict = probe();
    log.info(verdict.passed() ? "deploy.probe_passed" : "deploy.probe_failed", fields(
        "deploymentId", event.deploymentId(), "target", settings.targetVersionArn(), "reason", verdict.reason()));
    codeDeploy.putLifecycleEventHookExecutionStatus(r -> r
        .deploymentId(event.deploymentId())
        .lifecycleEventHookExecutionId(event.lifecycleEventHookExecutionId())
        .status(verdict.passed() ? LifecycleEventStatus.SUCCEEDED : LifecycleEventStatus.FAILED));
    return verdict;
  }

  private Verdict probe() {
    InvokeResponse response;
    try {
      response = lambda.invoke(r -> r
          .functionName(settings.targetVersionArn())
          .invocationType(InvocationType.REQUEST_RESPONSE)
          .payload(SdkBytes.fromString(settings.probeEvent(), StandardCharsets.UTF_8)));
    } catch (SdkException e) {
      return new Verdict(false, "the new version could not be invoked: " + e.getMessage());
    }
    if (response.functionError() != null) {
      return new Verdict(false, "the new version failed with " + response.functionError() + ": "
          + abbreviate(response.payload()));
    }
    Integer statusCode = statusCodeOf(response.payload());
    if (statusCode == null) {
      return new Verdict(false, "the new version's answer has no statusCode: " + abbreviate(response.payload()));
    }
    Set<Integer> expected = settings.expectedStatusCodes();
    if (!expected.contains(statusCode)) {
      return new Verdict(false, "the new version answered " + statusCode + ", expected one of " + expected);
    }
    return new Verdict(true, "the new version answered " + statusCode);
  }

  private Integer statusCodeOf(SdkBytes payload) {
    if (payload == null) {
      return null;
    }
    try {
      JsonNode status = mapper.readTree(payload.asUtf8String()).path("statusCode");
      return status.isInt() ? status.intValue() : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String abbreviate(SdkBytes payload) {
    String text = payload == null ? "" : payload.asUtf8String();
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
