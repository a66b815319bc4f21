package dev.tally.constructs.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The validated set of nag suppressions, read from a YAML file such as {@code policies/nag/suppressions.yaml}:
 *
 * <pre>
 * suppressions:
 *   - rule: AwsSolutions-IAM5
 *     path: /*&#47;Renewal/Pipeline/Worker/ServiceRole/DefaultPolicy/Resource
 *     appliesTo: ["Resource::*"]          # optional, granular rules only
 *     reason: X-Ray PutTraceSegments has no resource-level permissions, so it needs "*".
 *     owner: platform-team
 *     expires: 2027-03-31
 * </pre>
 *
 * <p>Loading checks every entry and reports every problem at once (missing or too-short reason, missing owner,
 * unknown rule id, bad or past expiry, expiry further out than {@value #MAX_DAYS_AHEAD} days, malformed path,
 * unknown keys, duplicates), so a reviewer fixes the file in one pass. Whether an entry still matches a resource is
 * only known after synthesis: {@link ComplianceGate} reports those as stale.
 */
public final class SuppressionPolicy {

    /** A reason shorter than this cannot say why a finding is acceptable. */
    public static final int MIN_REASON_LENGTH = 20;

    /** Suppressions must be re-justified at least yearly. */
    public static final int MAX_DAYS_AHEAD = 366;

    private static final Set<String> ENTRY_KEYS = Set.of("rule", "path", "appliesTo", "reason", "owner", "expires");

    private final List<JustifiedSuppression> suppressions;

    private SuppressionPolicy(List<JustifiedSuppression> suppressions) {
        this.suppressions = List.copyOf(suppressions);
    }

    /** No suppressions at all: every finding fails the gate. */
    public static SuppressionPolicy none() {
        return new SuppressionPolicy(List.of());
    }

    /**
     * Reads and validates a suppression file.
     *
     * @param today the date expiry is judged against (inject a fixed date in tests)
     * @throws InvalidSuppressionsException listing every problem, when the file is missing or invalid
     */
    public static SuppressionPolicy load(Path file, LocalDate today) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSuppressionsException(file.toString(), List.of(
                    "file not found; create it (an empty policy is 'suppressions: []') or point the app at the right one"));
        }
        try {
            return parse(Files.readString(file), file.toString(), today);
        } catch (IOException e) {
            throw new InvalidSuppressionsException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** Validates suppression YAML; {@code source} names it in messages. */
    public static SuppressionPolicy parse(String yaml, String source, LocalDate today) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidSuppressionsException(source, List.of("is not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidSuppressionsException(source, List.of("top level must be a mapping with a 'suppressions' list"));
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("suppressions")) {
                problems.add("unknown top-level key '" + key + "' (only 'suppressions' is allowed)");
            }
        });
        JsonNode list = root.path("suppressions");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            problems.add("'suppressions' must be a list of entries");
        }
        List<JustifiedSuppression> parsed = new ArrayList<>();
        if (list.isArray()) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                readEntry(i + 1, list.get(i), today, problems).ifPresent(entry -> {
                    String key = entry.rule() + " " + entry.path() + " " + entry.appliesTo();
                    if (!seen.add(key)) {
                        problems.add("entry " + entry.label() + ": duplicates an earlier entry; keep one");
                    } else {
                        parsed.add(entry);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSuppressionsException(source, problems);
        }
        return new SuppressionPolicy(parsed);
    }

    private static Optional<JustifiedSuppression> readEntry(int number, JsonNode node, LocalDate today, List<String> problems) {
        if (!node.isObject()) {
            problems.add("entry #" + number + ": must be a mapping with rule, path, reason, owner and expires");
            return Optional.empty();
        }
        String rule = text(node, "rule");
        String pathText = text(node, "path");
        String prefix = "entry #" + number + " (" + (rule.isEmpty() ? "no rule" : rule) + " at "
                + (pathText.isEmpty() ? "no path" : pathText) + "): ";
        int before = problems.size();

        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!ENTRY_KEYS.contains(key)) {
                problems.add(prefix + "unknown key '" + key + "' (allowed: rule, path, appliesTo, reason, owner, expires)");
            }
        }
        if (rule.isEmpty()) {
            problems.add(prefix + "rule is required, e.g. AwsSolutions-SQS3");
        } else if (!NagRuleIds.isKnown(rule)) {
            problems.add(prefix + "rule '" + rule + "' is not a cdk-nag rule id of the packs the gate runs: expected "
                    + String.join(" or ", NagRuleIds.KNOWN_PREFIXES) + "-<RULE>, e.g. AwsSolutions-SQS3");
        }
        SuppressionPath.problemWith(pathText).ifPresent(problem -> problems.add(prefix + problem));

        String reason = text(node, "reason");
        if (reason.isEmpty()) {
            problems.add(prefix + "reason is required: say why this finding is acceptable on this resource");
        } else if (reason.length() < MIN_REASON_LENGTH) {
            problems.add(prefix + "reason '" + reason + "' is too short (" + reason.length() + " characters, at least "
                    + MIN_REASON_LENGTH + "): say why this finding is acceptable on this resource");
        }
        String owner = text(node, "owner");
        if (owner.isEmpty()) {
            problems.add(prefix + "owner is required: the team or person who answers for this suppression");
        }
        LocalDate expires = readExpiry(node, today, prefix, problems);
        List<String> appliesTo = readAppliesTo(node, prefix, problems);

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new JustifiedSuppression(
                number, rule, SuppressionPath.parse(pathText), appliesTo, reason, owner, expires));
    }

    private static LocalDate readExpiry(JsonNode node, LocalDate today, String prefix, List<String> problems) {
        String text = text(node, "expires");
        if (text.isEmpty()) {
            problems.add(prefix + "expires is required (YYYY-MM-DD, at most " + MAX_DAYS_AHEAD + " days ahead)");
            return null;
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(prefix + "expires '" + text + "' is not a date: use YYYY-MM-DD, e.g. " + today.plusMonths(6));
            return null;
        }
        if (expires.isBefore(today)) {
            problems.add(prefix + "expired on " + expires + ": fix the finding, or re-justify and set a new date");
        } else if (expires.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.add(prefix + "expires " + expires + " is more than " + MAX_DAYS_AHEAD
                    + " days ahead: suppressions must be reviewed at least yearly");
        }
        return expires;
    }

    private static List<String> readAppliesTo(JsonNode node, String prefix, List<String> problems) {
        JsonNode value = node.path("appliesTo");
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            problems.add(prefix + "appliesTo must be a non-empty list of finding ids, e.g. [\"Resource::*\"]");
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isTextual() || id.asText().isBlank()) {
                problems.add(prefix + "appliesTo entries must be non-empty strings, e.g. \"Action::s3:GetObject\"");
            } else {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isValueNode() ? value.asText().trim() : "";
    }

    /** The entries, in file order. */
    public List<JustifiedSuppression> suppressions() {
        return suppressions;
    }
}
