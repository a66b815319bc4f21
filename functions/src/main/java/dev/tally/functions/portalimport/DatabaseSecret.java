package dev.tally.functions.portalimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The database credentials as RDS stores them in Secrets Manager: a JSON object with {@code host}, {@code port},
 * {@code dbname}, {@code username} and {@code password}. Read on every run, never cached across runs: the secret
 * rotates (every 30 days by default), and a rotation between two monthly runs must not break the second.
 *
 * @param host     the instance endpoint
 * @param port     the instance port
 * @param database the database name
 * @param username the user
 * @param password the password (never logged; {@link #toString()} leaves it out)
 */
public record DatabaseSecret(String host, int port, String database, String username, String password) {

  /**
   * Parses the secret string.
   *
   * @throws IllegalArgumentException naming the missing field when the JSON is not an RDS secret
   */
  public static DatabaseSecret parse(String json) {
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the database secret is not JSON", e);
    }
    for (String field : new String[] {"host", "port", "username", "password"}) {
      if (node == null || !node.hasNonNull(field)) {
        throw new IllegalArgumentException("the database secret has no '" + field + "': it must be the RDS-generated"
            + " secret of the portal's database (host, port, dbname, username, password)");
      }
    }
    String database = node.hasNonNull("dbname") ? node.get("dbname").asText() : "postgres";
    return new DatabaseSecret(node.get("host").asText(), node.get("port").asInt(), database,
        node.get("username").asText(), node.get("password").asText());
  }

  /** A JDBC URL for PostgreSQL that requires TLS (RDS PostgreSQL 15+ forces it too). */
  public String jdbcUrl(boolean requireTls) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + (requireTls ? "?sslmode=require" : "");
  }

  /** Opens a connection with these credentials. */
  public Connection connect(boolean requireTls) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", username);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", "tally-portal-import");
    return DriverManager.getConnection(jdbcUrl(requireTls), properties);
  }

  @Override
  public String toString() {
    return "DatabaseSecret[" + username + "@" + host + ":" + port + "/" + database + "]";
  }
}
