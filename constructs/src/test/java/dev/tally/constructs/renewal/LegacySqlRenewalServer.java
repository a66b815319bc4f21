package dev.tally.constructs.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The ISP's legacy renewal path, for the herd benchmark: an app server on loopback HTTP with a fixed worker pool and
 * a fixed JDBC connection pool, where each {@code POST /renewals} runs one SQL transaction on PostgreSQL before it
 * answers (lock the customer's balance row, insert the renewal, update the balance), under a request timeout: a
 * request that cannot get a connection or finish its transaction in time is answered {@code 504}; any other database
 * error {@code 500}.
 */
final class LegacySqlRenewalServer implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final BlockingQueue<Connection> pool;
  private final Duration requestTimeout;
  private final HttpServer server;
  private final ExecutorService threads;

  LegacySqlRenewalServer(DataSource database, int connections, int serverThreads, Duration requestTimeout)
      throws IOException, SQLException {
    this.requestTimeout = requestTimeout;
    try (Connection setup = database.getConnection(); Statement ddl = setup.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS balances (customer_id TEXT PRIMARY KEY, balance NUMERIC(12,2) NOT NULL,"
          + " renewals INT NOT NULL)");
      ddl.execute("CREATE TABLE IF NOT EXISTS renewals (idempotency_key TEXT PRIMARY KEY, customer_id TEXT NOT NULL,"
          + " plan_id TEXT NOT NULL, amount NUMERIC(12,2) NOT NULL, accepted_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
    pool = new ArrayBlockingQueue<>(connections);
    for (int i = 0; i < connections; i++) {
      Connection connection = database.getConnection();
      connection.setAutoCommit(false);
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET statement_timeout = " + requestTimeout.toMillis());
      }
      connection.commit();
      pool.add(connection);
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    threads = Executors.newFixedThreadPool(serverThreads, runnable -> {
      Thread thread = new Thread(runnable, "legacy-app-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/renewals", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    try (exchange) {
      JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      Connection connection = pool.poll(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (connection == null) {
        send(exchange, 504, "{\"error\":\"timeout\",\"message\":\"no database connection within the request timeout\"}");
        return;
      }
      int status;
      try {
        credit(connection, key, body.get("customerId").asText(), body.get("planId").asText(),
            new BigDecimal(body.get("amount").asText()));
        status = System.nanoTime() > deadline ? 504 : 201;
      } catch (SQLException e) {
        rollback(connection);
        // 57014: statement cancelled by statement_timeout; 40P01: deadlock detected.
        status = "57014".equals(e.getSQLState()) || System.nanoTime() > deadline ? 504 : 500;
      } finally {
        pool.add(connection);
      }
      send(exchange, status, status == 201 ? "{\"status\":\"credited\"}" : "{\"error\":\"failed\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      send(exchange, 500, "{\"error\":\"failed\"}");
    }
  }

  private static void credit(Connection connection, String key, String customerId, String planId, BigDecimal amount)
      throws SQLException {
    try (PreparedStatement ensure = connection.prepareStatement(
            "INSERT INTO balances (customer_id, balance, renewals) VALUES (?, 0, 0) ON CONFLICT DO NOTHING");
        PreparedStatement lock = connection.prepareStatement(
            "SELECT balance FROM balances WHERE customer_id = ? FOR UPDATE");
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO renewals (idempotency_key, customer_id, plan_id, amount) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (idempotency_key) DO NOTHING");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE balances SET balance = balance + ?, renewals = renewals + 1 WHERE customer_id = ?")) {
      ensure.setString(1, customerId);
      ensure.executeUpdate();
      lock.setString(1, customerId);
      lock.executeQuery().close();
      insert.setString(1, key);
      insert.setString(2, customerId);
      insert.setString(3, planId);
      insert.setBigDecimal(4, amount);
      if (insert.executeUpdate() == 1) {
        update.setBigDecimal(1, amount);
        update.setString(2, customerId);
        update.executeUpdate();
      }
      connection.commit();
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is broken; the next request on it fails and is counted as failed.
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    for (Connection connection : pool) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing at shutdown: nothing left to do with a connection that will not close.
      }
    }
  }
}
