package dev.tally.audit.scan.collect.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the recorded-shape AWS response bodies kept under {@code src/test/resources/wire/} and fills the
 * {@code ${name}} placeholders of the few that are templates (generated CloudWatch and benchmark responses).
 */
public final class WireBodies {
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The body at {@code wire/<path>}, for example {@code ec2/describe-regions.xml}. */
    public String body(String path) {
        return cache.computeIfAbsent(path, WireBodies::load);
    }

    /** The template at {@code wire/<path>} with every {@code ${key}} replaced by its value. */
    public String render(String path, Map<String, String> values) {
        String text = body(path);
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        while (true) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                out.append(text, at, text.length());
                return out.toString();
            }
            int close = text.indexOf('}', open);
            String key = text.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + key + "} in wire/" + path);
            }
            out.append(text, at, open).append(value);
            at = close + 1;
        }
    }

    private static String load(String path) {
        try (InputStream in = WireBodies.class.getResourceAsStream("/wire/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource wire/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
