package dev.tally.constructs.renewal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.functions.harness.PipelineWiring;
import dev.tally.functions.harness.RequestGate;
import dev.tally.functions.worker.WorkerHandler;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.assertions.Template;

/**
 * What a synthesized RenewalPipeline template deploys, read back as the local renewal harness needs it: the queue's
 * visibility timeout and redrive {@code maxReceiveCount}, the worker event source's batch size, batching window and
 * maximum concurrency, the worker's timeout, the stream event source's batch size, and the request validation of
 * {@code POST /renewals} (required headers, the request model's schema) and {@code GET /balance/{customerId}}. The
 * harness therefore runs with the construct's own numbers, never a second copy of them.
 */
final class DeployedPipeline {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEADER_PARAMETER = "method.request.header.";

  private final Map<String, Map<String, Object>> resources;

  @SuppressWarnings("unchecked")
  private DeployedPipeline(Template template) {
    this.resources = (Map<String, Map<String, Object>>) (Map<String, ?>) template.toJSON().get("Resources");
  }

  static DeployedPipeline of(Template template) {
    return new DeployedPipeline(template);
  }

  /** The numbers of the worker's queue and event source, and the notifier's batch size. */
  PipelineWiring wiring() {
    Map<String, Object> workerMapping = mapping("AWS::SQS::Queue");
    Map<String, Object> queue = properties(resources.get(getAttTarget(workerMapping.get("EventSourceArn"))));
    Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
    Map<String, Object> notifierMapping = mapping("AWS::DynamoDB::Table");
    return new PipelineWiring(
        Duration.ofSeconds(number(queue.get("VisibilityTimeout"))),
        (int) number(redrive.get("maxReceiveCount")),
        (int) number(workerMapping.get("BatchSize")),
        Duration.ofSeconds(number(workerMapping.getOrDefault("MaximumBatchingWindowInSeconds", 0))),
        (int) number(map(workerMapping.get("ScalingConfig")).get("MaximumConcurrency")),
        Duration.ofSeconds(number(function(WorkerHandler.class).get("Timeout"))),
        (int) number(notifierMapping.get("BatchSize")));
  }

  /** API Gateway's validation of {@code POST /renewals}: required headers and the JSON request model. */
  RequestGate renewalGate() {
    Map<String, Object> method = method("POST");
    Object reference = map(method.get("RequestModels")).get("application/json");
    Map<String, Object> model = properties(resources.get((String) map(reference).get("Ref")));
    try {
      return RequestGate.of(JSON.writeValueAsString(model.get("Schema")), requiredHeaders(method));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the request model's schema is not JSON", e);
    }
  }

  /** API Gateway's validation of {@code GET /balance/{customerId}}: its required headers (the path is routed). */
  RequestGate balanceGate() {
    return RequestGate.of(null, requiredHeaders(method("GET")));
  }

  /** The request model's schema exactly as the template deploys it. */
  Map<String, Object> renewalModelSchema() {
    return resources.values().stream().filter(r -> "AWS::ApiGateway::Model".equals(r.get("Type")))
        .map(r -> map(properties(r).get("Schema"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("the template has no request model"));
  }

  private static Set<String> requiredHeaders(Map<String, Object> method) {
    Set<String> headers = new LinkedHashSet<>();
    Object parameters = method.get("RequestParameters");
    if (parameters != null) {
      map(parameters).forEach((name, required) -> {
        if (name.startsWith(HEADER_PARAMETER) && Boolean.TRUE.equals(required)) {
          headers.add(name.substring(HEADER_PARAMETER.length()));
        }
      });
    }
    return headers;
  }

  private Map<String, Object> method(String httpMethod) {
    return resources.values().stream()
        .filter(r -> "AWS::ApiGateway::Method".equals(r.get("Type")))
        .map(DeployedPipeline::properties)
        .filter(p -> httpMethod.equals(p.get("HttpMethod")) && p.get("RequestValidatorId") != null)
        .findFirst().orElseThrow(() -> new IllegalStateException("the template has no validated " + httpMethod));
  }

  /** The event source mapping whose source is a resource of the given type. */
  private Map<String, Object> mapping(String sourceType) {
    return resources.values().stream()
        .filter(r -> "AWS::Lambda::EventSourceMapping".equals(r.get("Type")))
        .map(DeployedPipeline::properties)
        .filter(p -> {
          Map<String, Object> source = resources.get(getAttTarget(p.get("EventSourceArn")));
          return source != null && sourceType.equals(source.get("Type"));
        })
        .findFirst().orElseThrow(() -> new IllegalStateException("no event source mapping from " + sourceType));
  }

  private Map<String, Object> function(Class<?> handler) {
    String name = handler.getName() + "::handleRequest";
    return resources.values().stream()
        .filter(r -> "AWS::Lambda::Function".equals(r.get("Type")))
        .map(DeployedPipeline::properties)
        .filter(p -> name.equals(p.get("Handler")))
        .findFirst().orElseThrow(() -> new IllegalStateException("no function with handler " + name));
  }

  /** The logical id in {@code {"Fn::GetAtt": [id, attribute]}}. */
  private static String getAttTarget(Object reference) {
    Object getAtt = map(reference).get("Fn::GetAtt");
    return getAtt instanceof List<?> parts ? (String) parts.get(0) : null;
  }

  private static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException("expected an object in the template, found " + value);
    }
    return (Map<String, Object>) value;
  }

  private static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong(String.valueOf(value));
  }
}
