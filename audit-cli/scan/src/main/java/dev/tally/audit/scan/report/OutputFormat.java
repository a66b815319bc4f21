package dev.tally.audit.scan.report;

import java.util.Locale;

/** The formats {@code --output} accepts. */
public enum OutputFormat {
    /** A human table: summary first, then findings biggest saving first (default). */
    TABLE(new TableRenderer()),
    /** One JSON document with the summary, findings and failures. */
    JSON(new JsonRenderer()),
    /** One row per finding (RFC 4180), for spreadsheets. */
    CSV(new CsvRenderer()),
    /** SARIF 2.1.0, for code-scanning dashboards. */
    SARIF(new SarifRenderer());

    private final ReportRenderer renderer;

    OutputFormat(ReportRenderer renderer) {
        this.renderer = renderer;
    }

    public ReportRenderer renderer() {
        return renderer;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
