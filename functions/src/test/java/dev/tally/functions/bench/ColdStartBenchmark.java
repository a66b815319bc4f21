package dev.tally.functions.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.functions.support.LocalPeers;
import dev.tally.functions.support.RenewalTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of each handler: the deployed jar's size and the time from launching a fresh JVM on that jar to the
 * handler's first response to one real request against the local peers (moto, ElasticMQ), the median of several
 * JVMs. The JVM runs with the options Lambda's Java runtimes default to ({@code -XX:+TieredCompilation
 * -XX:TieredStopAtLevel=1}). Writes {@code coldstart.json} with every run, the medians and the load average.
 *
 * <p>It measures a fresh JVM on this machine, not a Lambda cold start (no sandbox, no SnapStart restore): the
 * figure that the jar's size, its class loading and the handler's init path decide.
 *
 * <p>Arguments: {@code --jar functions/target/tally-functions.jar --runs 5 --out functions/target/bench}.
 */
public final class ColdStartBenchmark {
  private static final List<String> HANDLERS = List.of("ingest", "worker", "notifier", "balance");
  private static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  private ColdStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(arg(args, "--jar", "target/tally-functions.jar"));
    int runs = Integer.parseInt(arg(args, "--runs", "5"));
    Path out = Path.of(arg(args, "--out", "target/bench"));
    if (!Files.isRegularFile(jar)) {
      System.err.println("no jar at " + jar + ": build it first with mvn -pl functions -am package -DskipTests");
      System.exit(2);
    }
    // The probe class comes from the test classes; everything it runs comes from the deployed jar.
    Path probeClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String loadBefore = loadAverage();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = json.createObjectNode().put("benchmark", "coldstart")
        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
        .put("jvmOptions", String.join(" ", LAMBDA_JVM_OPTIONS)).put("runsPerHandler", runs)
        .put("loadAverageBefore", loadBefore);
    ArrayNode handlers = report.putArray("handlers");
    try (LocalPeers peers = LocalPeers.start()) {
      String table = RenewalTables.create(peers.dynamoDb(), "coldstart");
      String queueUrl = peers.sqs().createQueue(request -> request.queueName("coldstart")).queueUrl();
      String topicArn = peers.sns().createTopic(request -> request.name("coldstart")).topicArn();
      Map<String, String> environment = Map.of("AWS_REGION", LocalPeers.REGION.id(),
          "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_EC2_METADATA_DISABLED", "true",
          "AWS_ENDPOINT_URL_DYNAMODB", peers.dynamoDbEndpoint().toString(),
          "AWS_ENDPOINT_URL_SNS", peers.motoEndpoint().toString(),
          "AWS_ENDPOINT_URL_SQS", peers.sqsEndpoint().toString(),
          "QUEUE_URL", queueUrl, "TABLE_NAME", table, "TOPIC_ARN", topicArn);
      for (String handler : HANDLERS) {
        List<Double> millis = new ArrayList<>();
        String outcome = null;
        for (int run = 0; run < runs; run++) {
          Timed timed = launch(jar, probeClasses, handler, environment);
          millis.add(timed.millis());
          outcome = timed.outcome();
          System.err.printf("%s run %d: %.0f ms (%s)%n", handler, run + 1, timed.millis(), timed.outcome());
        }
        ObjectNode entry = handlers.addObject().put("handler", handler).put("jarBytes", Files.size(jar))
            .put("jarMegabytes", Math.round(Files.size(jar) / 1e6 * 100) / 100.0)
            .put("firstResponseMillisMedian", median(millis)).put("firstResponse", outcome);
        ArrayNode all = entry.putArray("firstResponseMillis");
        millis.forEach(value -> all.add(Math.round(value)));
      }
    }
    report.put("loadAverageAfter", loadAverage());
    Files.createDirectories(out);
    Path file = out.resolve("coldstart.json");
    json.writeValue(file.toFile(), report);
    System.err.println("wrote " + file);
  }

  private record Timed(double millis, String outcome) {}

  private static Timed launch(Path jar, Path probeClasses, String handler, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAMBDA_JVM_OPTIONS);
    command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + probeClasses, ColdStartProbe.class.getName(),
        handler));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("FIRST_RESPONSE ")) {
          double millis = (System.nanoTime() - start) / 1e6;
          process.waitFor(30, TimeUnit.SECONDS);
          return new Timed(millis, line.substring("FIRST_RESPONSE ".length()));
        }
      }
    } finally {
      process.destroy();
    }
    throw new IllegalStateException(handler + " exited (" + process.waitFor() + ") without a first response");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
