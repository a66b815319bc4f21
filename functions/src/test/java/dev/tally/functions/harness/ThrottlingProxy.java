package dev.tally.functions.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of moto's DynamoDB that answers every {@code throttleEvery}-th request of the chosen
 * operations the way DynamoDB throttles a hot partition ({@code 400}, {@code ProvisionedThroughputExceededException}
 * in DynamoDB's JSON error body), and forwards everything else unchanged. moto never throttles, so the throttling
 * has to be injected in front of it; the clients under test see DynamoDB's real wire format either way.
 */
final class ThrottlingProxy implements AutoCloseable {
  private static final String THROTTLED_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
      + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput for"
      + " the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"}";
  private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
      "expect");

  private final URI upstream;
  private final Set<String> operations;
  private final int throttleEvery;
  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong matching = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();

  ThrottlingProxy(URI upstream, Set<String> operations, int throttleEvery) throws IOException {
    this.upstream = upstream;
    this.operations = operations;
    this.throttleEvery = throttleEvery;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "throttling-proxy");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Where clients send DynamoDB requests. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Requests answered with a throttling error so far. */
  long throttled() {
    return throttled.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      if (operations.contains(operation) && matching.incrementAndGet() % throttleEvery == 0) {
        throttled.incrementAndGet();
        byte[] error = THROTTLED_BODY.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(400, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      forward(exchange, body);
    }
  }

  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) upstream.resolve(exchange.getRequestURI().toString()).toURL()
        .openConnection();
    connection.setRequestMethod(exchange.getRequestMethod());
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
        header.getValue().forEach(value -> connection.addRequestProperty(header.getKey(), value));
      }
    }
    if (body.length > 0) {
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    byte[] answer = stream == null ? new byte[0] : stream.readAllBytes();
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null && !HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
      }
    });
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
