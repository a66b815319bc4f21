package dev.tally.functions.portalimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A month's manifest of new documents, parsed: a CSV file with the header
 * {@code customer_id,invoice_number,amount,s3_key} (columns in any order, RFC 4180 quoting) and one document per
 * line. Every line ends up in exactly one of {@link #rows()} and {@link #refused()}.
 *
 * @param rows    valid lines, in file order
 * @param refused malformed lines, each with its reason, in file order
 * @param lines   number of data lines (the header not counted)
 */
public record Manifest(List<ManifestRow> rows, List<RefusedRow> refused, int lines) {

  /** The columns a manifest must have. */
  public static final List<String> COLUMNS = List.of("customer_id", "invoice_number", "amount", "s3_key");

  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");
  private static final Pattern AMOUNT = Pattern.compile("^\\d{1,10}(\\.\\d{1,2})?$");
  private static final int MAX_KEY_LENGTH = 1024;

  public Manifest {
    rows = List.copyOf(rows);
    refused = List.copyOf(refused);
  }

  /**
   * Parses a manifest.
   *
   * @throws MalformedManifestException when the header is missing or lacks a required column
   */
  public static Manifest parse(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new MalformedManifestException("the manifest is empty: its first line must be the header "
          + String.join(",", COLUMNS));
    }
    List<String> header = CsvLine.split(lines[0].strip());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      index.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new MalformedManifestException("the manifest header lacks " + String.join(", ", missing)
          + ": it must name the columns " + String.join(",", COLUMNS) + " (was '" + lines[0].strip() + "')");
    }
    List<ManifestRow> rows = new ArrayList<>();
    List<RefusedRow> refused = new ArrayList<>();
    Map<String, Integer> seenKeys = new HashMap<>();
    int dataLines = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      dataLines++;
      int lineNumber = i + 1;
      String problem;
      ManifestRow row = null;
      try {
        List<String> fields = CsvLine.split(lines[i]);
        row = row(lineNumber, fields, index, header.size());
        Integer earlier = seenKeys.putIfAbsent(row.s3Key(), lineNumber);
        problem = earlier == null ? null : "s3_key '" + row.s3Key() + "' repeats line " + earlier;
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (problem == null) {
        rows.add(row);
      } else {
        refused.add(new RefusedRow(lineNumber, problem));
      }
    }
    return new Manifest(rows, refused, dataLines);
  }

  private static ManifestRow row(int line, List<String> fields, Map<String, Integer> index, int columns) {
    if (fields.size() != columns) {
      throw new IllegalArgumentException("has " + fields.size() + " fields, the header has " + columns);
    }
    String invoice = fields.get(index.get("invoice_number")).strip();
    String context = invoice.isEmpty() ? "" : " (invoice " + invoice + ")";
    String customer = fields.get(index.get("customer_id")).strip();
    if (!IDENTIFIER.matcher(customer).matches()) {
      throw new IllegalArgumentException("customer_id '" + customer + "' is not an identifier (1-64 letters, digits,"
          + " . _ / -)" + context);
    }
    if (!IDENTIFIER.matcher(invoice).matches()) {
      throw new IllegalArgumentException("invoice_number '" + invoice + "' is not an identifier (1-64 letters,"
          + " digits, . _ / -)");
    }
    String amount = fields.get(index.get("amount")).strip();
    if (!AMOUNT.matcher(amount).matches()) {
      throw new IllegalArgumentException("amount '" + amount + "' is not a non-negative amount with at most two"
          + " decimals" + context);
    }
    String key = fields.get(index.get("s3_key")).strip();
    if (key.isEmpty() || key.startsWith("/") || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("s3_key '" + key + "' is not an object key (1-1024 characters, no leading"
          + " '/')" + context);
    }
    return new ManifestRow(line, customer, invoice, new BigDecimal(amount), key);
  }
}
