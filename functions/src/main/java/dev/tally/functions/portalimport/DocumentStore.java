package dev.tally.functions.portalimport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Document metadata and import checkpoints in PostgreSQL. A document is identified by its S3 key (and, separately,
 * by customer and invoice number): inserting it again does nothing, which is what makes a re-run or a retried
 * invocation harmless.
 */
public final class DocumentStore {

  static final String SCHEMA = """
      CREATE TABLE IF NOT EXISTS portal_document (
        s3_key         text PRIMARY KEY,
        customer_id    text NOT NULL,
        invoice_number text NOT NULL,
        amount         numeric(12, 2) NOT NULL CHECK (amount >= 0),
        month          date NOT NULL,
        imported_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (customer_id, invoice_number)
      );
      CREATE INDEX IF NOT EXISTS portal_document_customer_month ON portal_document (customer_id, month);
      CREATE TABLE IF NOT EXISTS portal_import_checkpoint (
        manifest_key text PRIMARY KEY,
        next_line    integer NOT NULL,
        imported     bigint NOT NULL,
        refused      bigint NOT NULL,
        complete     boolean NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      );
      """;

  private final Connection connection;

  /** @param connection used for this store only; the store manages its transactions */
  public DocumentStore(Connection connection) {
    this.connection = connection;
  }

  /** Creates the tables if they do not exist (idempotent, safe on every run). */
  public void ensureSchema() throws SQLException {
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute(SCHEMA);
    }
  }

  /** The checkpoint of {@code manifestKey}, if a run has committed one. */
  public Optional<Checkpoint> checkpoint(String manifestKey) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT next_line, imported, refused, complete FROM portal_import_checkpoint WHERE manifest_key = ?")) {
      query.setString(1, manifestKey);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(new Checkpoint(row.getInt(1), row.getLong(2), row.getLong(3), row.getBoolean(4)))
            : Optional.empty();
      }
    }
  }

  /**
   * Inserts a batch of documents and moves the checkpoint to {@code next} in one transaction: either both happen
   * or neither.
   *
   * @return the new checkpoint; its {@code imported} grew by the rows that were new (the others were already there)
   */
  public Checkpoint commitBatch(String manifestKey, YearMonth month, List<ManifestRow> rows, Checkpoint previous,
      int nextLine, int refusedInBatch, boolean complete) throws SQLException {
    connection.setAutoCommit(false);
    try {
      int inserted = insert(month, rows);
      Checkpoint next = new Checkpoint(nextLine, previous.imported() + inserted,
          previous.refused() + refusedInBatch, complete);
      saveCheckpoint(manifestKey, next);
      connection.commit();
      return next;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private int insert(YearMonth month, List<ManifestRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO portal_document (s3_key, customer_id, invoice_number, amount, month)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
      java.sql.Date firstDay = java.sql.Date.valueOf(month.atDay(1));
      for (ManifestRow row : rows) {
        insert.setString(1, row.s3Key());
        insert.setString(2, row.customerId());
        insert.setString(3, row.invoiceNumber());
        insert.setBigDecimal(4, row.amount());
        insert.setDate(5, firstDay);
        insert.addBatch();
      }
      int inserted = 0;
      for (int count : insert.executeBatch()) {
        inserted += count;
      }
      return inserted;
    }
  }

  private void saveCheckpoint(String manifestKey, Checkpoint checkpoint) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("""
        INSERT INTO portal_import_checkpoint (manifest_key, next_line, imported, refused, complete)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (manifest_key) DO UPDATE SET next_line = EXCLUDED.next_line, imported = EXCLUDED.imported,
          refused = EXCLUDED.refused, complete = EXCLUDED.complete, updated_at = now()""")) {
      upsert.setString(1, manifestKey);
      upsert.setInt(2, checkpoint.nextLine());
      upsert.setLong(3, checkpoint.imported());
      upsert.setLong(4, checkpoint.refused());
      upsert.setBoolean(5, checkpoint.complete());
      upsert.executeUpdate();
    }
  }
}
