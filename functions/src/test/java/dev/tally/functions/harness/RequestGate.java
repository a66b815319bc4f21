package dev.tally.functions.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What API Gateway's request validator does before the integration runs: required request headers present, and the
 * JSON body valid against the method's request model (JSON Schema draft 4). A refused request never reaches the
 * function; API Gateway answers {@code 400} with its own {@code {"message": …}} body.
 */
public final class RequestGate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonSchema model;
  private final Set<String> requiredHeaders;

  private RequestGate(JsonSchema model, Set<String> requiredHeaders) {
    this.model = model;
    this.requiredHeaders = requiredHeaders;
  }

  /**
   * A gate for one method.
   *
   * @param modelSchema the request model's schema as the template deploys it ({@code null}: no body model)
   * @param requiredHeaders headers the method marks required ({@code method.request.header.X: true})
   */
  public static RequestGate of(String modelSchema, Set<String> requiredHeaders) {
    JsonSchema schema = modelSchema == null ? null
        : JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(modelSchema);
    return new RequestGate(schema, Set.copyOf(requiredHeaders));
  }

  /** A method without a validator: everything passes to the function. */
  public static RequestGate none() {
    return new RequestGate(null, Set.of());
  }

  /** API Gateway's error message for a refused request, or empty when the request goes on to the function. */
  public Optional<String> refusal(Map<String, List<String>> headers, String body) {
    Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (values.stream().anyMatch(value -> !value.isEmpty())) {
        present.add(name);
      }
    });
    List<String> missing = new ArrayList<>();
    for (String header : requiredHeaders) {
      if (!present.contains(header)) {
        missing.add(header);
      }
    }
    if (!missing.isEmpty()) {
      return Optional.of("Missing required request parameters: [" + String.join(", ", missing) + "]");
    }
    if (model == null) {
      return Optional.empty();
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      return Optional.of("Invalid request body");
    }
    if (parsed == null || parsed.isMissingNode() || !model.validate(parsed).isEmpty()) {
      return Optional.of("Invalid request body");
    }
    return Optional.empty();
  }

  /** Lower-cased names of the required headers (for messages). */
  Set<String> requiredHeaders() {
    Set<String> names = new TreeSet<>();
    requiredHeaders.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    return names;
  }
}
