package dev.tally.functions.deploy;

import java.util.Map;

/**
 * The event CodeDeploy invokes a lifecycle hook with: which deployment, and which hook execution to report on.
 *
 * @param deploymentId                  e.g. {@code d-ABCDEF123}
 * @param lifecycleEventHookExecutionId the token {@code PutLifecycleEventHookExecutionStatus} needs
 */
public record HookEvent(String deploymentId, String lifecycleEventHookExecutionId) {

  /**
   * Reads CodeDeploy's event ({@code DeploymentId}, {@code LifecycleEventHookExecutionId}).
   *
   * @throws IllegalArgumentException naming the missing field: without it there is nothing to report to
   */
  public static HookEvent from(Map<String, ?> event) {
    return new HookEvent(required(event, "DeploymentId"), required(event, "LifecycleEventHookExecutionId"));
  }

  private static String required(Map<String, ?> event, String field) {
    Object value = event == null ? null : event.get(field);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("The hook event has no " + field
          + ": this function is a CodeDeploy BeforeAllowTraffic hook and must be invoked by CodeDeploy.");
    }
    return value.toString();
  }
}
