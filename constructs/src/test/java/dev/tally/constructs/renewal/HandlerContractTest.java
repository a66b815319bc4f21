package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tally.functions.common.LambdaEnvironment;
import dev.tally.functions.common.RenewalTable;
import dev.tally.functions.deploy.ProbeSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The one contract between the construct and the handlers it deploys, checked against the handler classes of the
 * functions module (the code in the jar the construct deploys) rather than against a second copy of the names:
 * every Java function's {@code Handler} names a public {@link RequestHandler} class with a public no-arg
 * constructor and that method, every environment variable a handler reads at start-up is one the construct sets
 * on that function, and the table's keys and the stream filter use the handlers' own attribute names and values.
 */
@DisplayName("RenewalPipeline ↔ functions: one contract")
class HandlerContractTest {
  private static final Map<String, String> previousSettings = new HashMap<>();
  private static Template template;
  /** Java function logical id → its Handler string and the names of the variables the construct sets. */
  private static Map<String, JavaFunction> functions;

  /** A variable's value is the template's when it is a literal, else a placeholder (a token resolved at deploy). */
  record JavaFunction(String handler, Map<String, String> values) {
    List<String> variables() {
      return List.copyOf(values.keySet());
    }
  }

  @BeforeAll
  static void synthesize() {
    Stack stack = PipelineFixtures.newStack();
    new RenewalPipeline(stack, "Renewals", PipelineFixtures.minimalProps().build());
    template = Template.fromStack(stack);
    functions = javaFunctions(template);
    // Building a handler builds its SDK clients, which need a region; nothing is sent anywhere.
    for (String name : List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
      previousSettings.put(name, System.getProperty(name));
      System.setProperty(name, name.equals("aws.region") ? "eu-west-1" : "contract-test");
    }
  }

  @AfterAll
  static void restore() {
    previousSettings.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  @DisplayName("the construct deploys the four pipeline handlers and a pre-traffic hook per user-facing alias")
  void javaFunctions() {
    assertThat(functions.values()).extracting(JavaFunction::handler).containsExactlyInAnyOrder(
        RenewalPipeline.INGEST_HANDLER, RenewalPipeline.WORKER_HANDLER, RenewalPipeline.NOTIFIER_HANDLER,
        RenewalPipeline.BALANCE_HANDLER, RenewalPipeline.PRE_TRAFFIC_HOOK_HANDLER,
        RenewalPipeline.PRE_TRAFFIC_HOOK_HANDLER);
  }

  @Test
  @DisplayName("every Handler string names a public RequestHandler class with a no-arg constructor and that method")
  void everyHandlerNamesARequestHandler() {
    functions.forEach((id, function) -> {
      String[] parts = function.handler().split("::");
      assertThat(parts).as("%s Handler %s is class::method", id, function.handler()).hasSize(2);
      Class<?> handler = load(parts[0]);
      assertThat(RequestHandler.class).as("%s implements RequestHandler", handler.getName())
          .isAssignableFrom(handler);
      assertThat(handler.getConstructors()).as("%s has the public no-arg constructor the runtime calls", handler)
          .anyMatch(constructor -> constructor.getParameterCount() == 0);
      assertThat(handler.getMethods()).as("%s has a public %s(event, Context)", handler, parts[1])
          .anyMatch(method -> isHandlerMethod(method, parts[1]));
    });
  }

  @Test
  @DisplayName("every environment variable a handler reads is one the construct sets on its function")
  void everyVariableAHandlerReadsIsSet() {
    functions.forEach((id, function) -> {
      Map<String, String> environment = new LinkedHashMap<>(function.values());
      // The handler reads its variables in this constructor and fails naming the first one that is missing.
      assertThat(start(function, environment)).as("%s starts with the construct's variables %s", id,
          function.variables()).isNull();
    });
  }

  @Test
  @DisplayName("the check catches a variable the construct would not set: the handler refuses to start, naming it")
  void aMissingVariableIsCaught() {
    functions.forEach((id, function) -> assertThat(start(function, Map.of())).as(id)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Environment variable")
        .satisfies(refusal -> assertThat(function.variables())
            .anyMatch(variable -> refusal.getMessage().contains(variable + " is not set"))));
  }

  @Test
  @DisplayName("the construct's key, prefix and status names are the ones the handlers write")
  void tableNamesAgree() {
    assertThat(RenewalPipeline.PARTITION_KEY).isEqualTo(RenewalTable.PK);
    assertThat(RenewalPipeline.SORT_KEY).isEqualTo(RenewalTable.SK);
    assertThat(RenewalPipeline.RENEWAL_SORT_KEY_PREFIX).isEqualTo(RenewalTable.RENEWAL_SK_PREFIX);
    assertThat(RenewalPipeline.STATUS_ATTRIBUTE).isEqualTo(RenewalTable.STATUS);
    assertThat(RenewalPipeline.CREDITED_STATUS).isEqualTo(RenewalTable.STATUS_CREDITED);
    template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("KeySchema", List.of(
        Map.of("AttributeName", RenewalTable.PK, "KeyType", "HASH"),
        Map.of("AttributeName", RenewalTable.SK, "KeyType", "RANGE"))));
  }

  @Test
  @DisplayName("the construct sets exactly the variable names the handlers define")
  void variableNamesAreTheHandlersOwn() {
    assertThat(functions.values()).flatExtracting(JavaFunction::variables).allSatisfy(name -> assertThat(name)
        .isIn(LambdaEnvironment.TABLE_NAME, LambdaEnvironment.QUEUE_URL, LambdaEnvironment.TOPIC_ARN,
            ProbeSettings.TARGET_VERSION_ARN, ProbeSettings.PROBE_EVENT, ProbeSettings.EXPECTED_STATUS_CODES));
  }

  /** Runs the handler's environment constructor; returns what it threw, or null when it started. */
  private static Throwable start(JavaFunction function, Map<String, String> variables) {
    Class<?> handler = load(function.handler().split("::")[0]);
    try {
      Constructor<?> wiring = handler.getConstructor(LambdaEnvironment.class);
      Object started = wiring.newInstance(LambdaEnvironment.of(variables));
      if (started instanceof AutoCloseable closeable) {
        closeable.close();
      }
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(handler + " has no public (LambdaEnvironment) constructor to wire it as the runtime"
          + " does", e);
    }
  }

  private static boolean isHandlerMethod(Method method, String name) {
    return method.getName().equals(name) && method.getParameterCount() == 2
        && method.getParameterTypes()[1] == Context.class;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("the construct names handler class " + className
          + ", which the functions module does not have", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JavaFunction> javaFunctions(Template template) {
    Map<String, JavaFunction> found = new LinkedHashMap<>();
    template.findResources("AWS::Lambda::Function").forEach((id, resource) -> {
      Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
      if (!String.valueOf(properties.get("Runtime")).startsWith("java")) {
        return;
      }
      Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
      Map<String, Object> variables = (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
      Map<String, String> values = new LinkedHashMap<>();
      variables.forEach((name, value) -> values.put(name, value instanceof String literal ? literal : "value-of-" + name));
      found.put(id, new JavaFunction((String) properties.get("Handler"), values));
    });
    return found;
  }
}
