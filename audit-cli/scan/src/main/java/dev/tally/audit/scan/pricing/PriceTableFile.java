package dev.tally.audit.scan.pricing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.scan.report.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes price tables as JSON:
 *
 * <pre>{@code
 * { "snapshotDate": "2026-11-23", "source": "...", "currency": "USD",
 *   "prices": { "EC2_INSTANCE_HOUR": { "us-east-1": { "m5.large": 0.096, ... }, ... },
 *               "LOAD_BALANCER_HOUR": { ... }, "LOAD_BALANCER_CAPACITY_UNIT_HOUR": { ... } } }
 * }</pre>
 *
 * The bundled table is {@code /pricing/prices.json} in the jar; a refreshed one is written where the user says.
 */
public final class PriceTableFile {
    /** The table shipped in the jar. */
    public static final String BUNDLED = "/pricing/prices.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PriceTableFile() {
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTableFile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled price table " + BUNDLED + " is missing from the jar");
            }
            return parse(JSON.readTree(in), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled price table " + BUNDLED, e);
        }
    }

    /** Loads a table file; a missing or invalid one is a usage error naming the file and the problem. */
    public static PriceTable load(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw UserFacingException.usage(file + ": price table not found");
        } catch (IOException e) {
            throw UserFacingException.usage(file + ": not a readable JSON price table (" + firstLine(e) + ")");
        }
        return parse(root, file.toString());
    }

    /** Writes the table atomically (nothing half-written if it fails). */
    public static void write(PriceTable table, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("snapshotDate", table.snapshotDate().toString());
        root.put("source", table.source());
        root.put("currency", "USD");
        ObjectNode prices = root.putObject("prices");
        for (Map.Entry<PriceKind, Map<String, Map<String, BigDecimal>>> kind : table.index().entrySet()) {
            ObjectNode byRegion = prices.putObject(kind.getKey().name());
            kind.getValue().forEach((region, products) -> {
                ObjectNode byProduct = byRegion.putObject(region);
                products.forEach(byProduct::put);
            });
        }
        AtomicFile.write(file, out -> {
            JSON.writeValue(new NonClosingWriter(out), root);
            out.write(System.lineSeparator());
        });
    }

    private static PriceTable parse(JsonNode root, String source) {
        List<String> problems = new ArrayList<>();
        LocalDate snapshot = null;
        try {
            snapshot = LocalDate.parse(root.path("snapshotDate").asText(""));
        } catch (DateTimeParseException e) {
            problems.add("snapshotDate must be a date like 2026-11-23");
        }
        String description = root.path("source").asText("");
        if (!"USD".equals(root.path("currency").asText("USD"))) {
            problems.add("currency must be USD");
        }
        List<PriceEntry> entries = new ArrayList<>();
        JsonNode prices = root.path("prices");
        if (!prices.isObject()) {
            problems.add("prices must be an object of kind -> region -> product -> USD");
        }
        for (Iterator<Map.Entry<String, JsonNode>> kinds = prices.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            PriceKind priceKind;
            try {
                priceKind = PriceKind.valueOf(kind.getKey());
            } catch (IllegalArgumentException e) {
                problems.add("unknown price kind '" + kind.getKey() + "'");
                continue;
            }
            kind.getValue().fields().forEachRemaining(region -> region.getValue().fields().forEachRemaining(product -> {
                JsonNode value = product.getValue();
                if (!value.isNumber() || value.decimalValue().signum() < 0) {
                    problems.add("prices." + kind.getKey() + "." + region.getKey() + "." + product.getKey()
                            + " must be a non-negative number");
                } else {
                    entries.add(new PriceEntry(priceKind, region.getKey(), product.getKey(), value.decimalValue()));
                }
            }));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.usage(source + ": " + String.join("; ", problems));
        }
        return new PriceTable(snapshot, description, entries);
    }

    private static String firstLine(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** Jackson closes the writer it is given; the atomic writer owns closing. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(java.io.Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
