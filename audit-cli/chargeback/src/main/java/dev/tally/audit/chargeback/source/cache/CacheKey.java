package dev.tally.audit.chargeback.source.cache;

import dev.tally.audit.chargeback.model.CostMetric;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

/**
 * What a cached month depends on: whose bill (the account or profile), which month, which metric, which tag keys and
 * how the source grouped the data (so a change of plan never serves an old shape).
 *
 * @param scope    whose bill: the payer account id, or the profile name when the account is not known
 * @param month    the billing month
 * @param metric   the cost figure
 * @param tagKeys  the requested tag keys, in order
 * @param grouping the source's grouping version, for example {@code ce-v1:account,record_type,service,tag}
 */
public record CacheKey(String scope, YearMonth month, CostMetric metric, List<String> tagKeys, String grouping) {
    public CacheKey {
        tagKeys = List.copyOf(tagKeys);
    }

    /** {@code <scope>/<yyyy-MM>/<metric>-<tags>-<hash>.json}: readable, and unique through the hash. */
    String relativePath() {
        String tags = tagKeys.isEmpty() ? "no-tags" : String.join("+", tagKeys);
        return safe(scope) + "/" + month + "/" + metric.name().toLowerCase(java.util.Locale.ROOT) + "-" + safe(tags)
                + "-" + hash().substring(0, 12) + ".json";
    }

    private String hash() {
        String canonical = String.join("\n", scope, month.toString(), metric.name(), String.join("\u0000", tagKeys),
                grouping);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String safe(String component) {
        String cleaned = component.replaceAll("[^A-Za-z0-9._+-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
