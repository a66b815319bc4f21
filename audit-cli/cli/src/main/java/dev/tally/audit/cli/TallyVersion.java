package dev.tally.audit.cli;

import dev.tally.audit.scan.pricing.PriceTableFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code tally --version}: the version and commit Maven filtered into the jar, and the date of the price table bundled
 * with it (the one a scan uses until {@code tally scan prices refresh} writes a newer one).
 */
final class TallyVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/tally-version.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = TallyVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        }
        String commit = filtered(props.getProperty("commit"));
        boolean dirty = "true".equals(filtered(props.getProperty("dirty")));
        return new String[] {
            "tally " + filtered(props.getProperty("version")),
            "commit " + commit + (dirty ? " (with uncommitted changes)" : ""),
            "bundled price table of " + PriceTableFile.bundled().snapshotDate()
        };
    }

    /** A property Maven could not fill (built outside a git checkout) reads as "unknown", not "${...}". */
    private static String filtered(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
