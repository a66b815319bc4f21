package dev.tally.functions.harness;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tally.functions.balance.BalanceHandler;
import dev.tally.functions.ingest.IngestHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The REST API's front on loopback HTTP, as API Gateway's proxy integration runs it: {@code POST /renewals} and
 * {@code GET /balance/{customerId}} pass the method's {@link RequestGate} (required headers, request model), then
 * become {@link APIGatewayProxyRequestEvent}s (headers, multi-value headers, path parameters, body, a request id) for
 * the ingest and balance handlers, whose status, headers and body are sent back. Anything else gets API Gateway's
 * {@code 403 Missing Authentication Token}.
 */
final class ApiFront implements AutoCloseable {
  private static final String RENEWALS = "/renewals";
  private static final String BALANCE = "/balance/";

  private final IngestHandler ingest;
  private final BalanceHandler balance;
  private final RequestGate renewalGate;
  private final RequestGate balanceGate;
  private final HttpServer server;
  private final ExecutorService threads;

  ApiFront(IngestHandler ingest, BalanceHandler balance, RequestGate renewalGate, RequestGate balanceGate,
      int threads) throws IOException {
    this.ingest = ingest;
    this.balance = balance;
    this.renewalGate = renewalGate;
    this.balanceGate = balanceGate;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    this.threads = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "api-front");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(this.threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API's base URL ({@code http://127.0.0.1:<port>}). */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      if ("POST".equals(method) && RENEWALS.equals(path)) {
        Optional<String> refused = renewalGate.refusal(headers, body);
        if (refused.isPresent()) {
          send(exchange, gatewayError(400, refused.get()));
          return;
        }
        send(exchange, ingest.handleRequest(event(method, RENEWALS, path, headers, body, Map.of()), null));
      } else if ("GET".equals(method) && path.startsWith(BALANCE) && path.length() > BALANCE.length()
          && path.indexOf('/', BALANCE.length()) < 0) {
        Optional<String> refused = balanceGate.refusal(headers, null);
        if (refused.isPresent()) {
          send(exchange, gatewayError(400, refused.get()));
          return;
        }
        String customerId = path.substring(BALANCE.length());
        send(exchange, balance.handleRequest(event(method, "/balance/{customerId}", path, headers, null,
            Map.of("customerId", customerId)), null));
      } else {
        send(exchange, gatewayError(403, "Missing Authentication Token"));
      }
    } catch (RuntimeException e) {
      // A handler that throws is a Lambda error: API Gateway answers 502 with its own body.
      send(exchange, gatewayError(502, "Internal server error"));
    }
  }

  private static APIGatewayProxyRequestEvent event(String method, String resource, String path,
      Map<String, List<String>> headers, String body, Map<String, String> pathParameters) {
    Map<String, String> single = new LinkedHashMap<>();
    // API Gateway's headers map keeps the last value of a repeated header; multiValueHeaders keeps them all.
    headers.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
    APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
        .withRequestId(UUID.randomUUID().toString()).withHttpMethod(method).withResourcePath(resource)
        .withStage("local");
    return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(path)
        .withHeaders(single).withMultiValueHeaders(headers)
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withRequestContext(context).withBody(body).withIsBase64Encoded(false);
  }

  private static APIGatewayProxyResponseEvent gatewayError(int status, String message) {
    return new APIGatewayProxyResponseEvent().withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json", "x-amzn-ErrorType",
            status == 403 ? "MissingAuthenticationTokenException" : "BadRequestException"))
        .withBody("{\"message\": \"" + message.replace("\"", "\\\"") + "\"}");
  }

  private static void send(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
    byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
    exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
