package dev.tally.functions.deploy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.StructuredLog;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Lambda entry point {@code dev.tally.functions.deploy.PreTrafficHookHandler::handleRequest}: CodeDeploy's
 * BeforeAllowTraffic hook of a {@code live} alias deployment. Needs {@code TARGET_VERSION_ARN}, {@code PROBE_EVENT},
 * {@code EXPECTED_STATUS_CODES}, {@code lambda:InvokeFunction} on that version and
 * {@code codedeploy:PutLifecycleEventHookExecutionStatus} on the deployment group.
 */
public final class PreTrafficHookHandler implements RequestHandler<Map<String, Object>, String> {
  private final PreTrafficProbe probe;

  /** Called by the Lambda runtime once per container: clients are built here and reused. */
  public PreTrafficHookHandler() {
    this(LambdaEnvironment.system());
  }

  /** Wires the hook from the given environment, as the runtime would. */
  public PreTrafficHookHandler(LambdaEnvironment environment) {
    this(wire(ProbeSettings.from(environment)));
  }

  /** Uses an already-wired probe (tests). */
  public PreTrafficHookHandler(PreTrafficProbe probe) {
    this.probe = probe;
  }

  // Settings are read before any client is built, so a missing variable is reported as itself. The clients use the
  // SDK's standard settings (region, role, AWS_ENDPOINT_URL) and the URL-connection client, like every handler here.
  private static PreTrafficProbe wire(ProbeSettings settings) {
    return new PreTrafficProbe(
        LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        CodeDeployClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
        settings, StructuredLog.toStandardOutput());
  }

  /** Returns {@code Succeeded} or {@code Failed}, the status reported to CodeDeploy. */
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return probe.run(HookEvent.from(event)).passed() ? "Succeeded" : "Failed";
  }
}
