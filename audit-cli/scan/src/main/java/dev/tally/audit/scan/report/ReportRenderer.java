package dev.tally.audit.scan.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link ScanReport} in one output format. */
public interface ReportRenderer {
    void render(ScanReport report, Writer out) throws IOException;
}
