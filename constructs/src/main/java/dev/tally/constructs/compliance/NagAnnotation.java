package dev.tally.constructs.compliance;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text cdk-nag 2.x puts in an annotation, split into its parts.
 *
 * <p>cdk-nag's {@code AnnotationLogger} writes {@code RULE: info} or, for granular rules, {@code RULE[finding]: info};
 * a suppressed finding is logged (with {@code logIgnores}) as
 * {@code CdkNagSuppression[finding]: RULE was triggered but suppressed.}
 */
record NagAnnotation(String ruleId, String findingId, String info) {

    private static final Pattern FINDING = Pattern.compile("^([A-Za-z0-9.]+-[A-Za-z0-9]+|CdkNagValidationFailure)(?:\\[(.*?)])?: (.*)$",
            Pattern.DOTALL);
    private static final Pattern SUPPRESSED = Pattern.compile(
            "^CdkNagSuppression(?:\\[(.*?)])?: (\\S+) was triggered but suppressed\\..*$", Pattern.DOTALL);

    /** Parses a finding annotation; empty for text that is not one (e.g. an error raised by the CDK itself). */
    static Optional<NagAnnotation> parseFinding(String text) {
        Matcher matcher = FINDING.matcher(text.strip());
        if (!matcher.matches() || matcher.group(1).equals("CdkNagSuppression")) {
            return Optional.empty();
        }
        return Optional.of(new NagAnnotation(matcher.group(1), nullToEmpty(matcher.group(2)), matcher.group(3).strip()));
    }

    /** Parses the info annotation of a suppressed finding, giving the rule that was suppressed. */
    static Optional<NagAnnotation> parseSuppressed(String text) {
        Matcher matcher = SUPPRESSED.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NagAnnotation(matcher.group(2), nullToEmpty(matcher.group(1)), "suppressed"));
    }

    /** The rule id with its granular finding: {@code AwsSolutions-IAM5[Resource::*]}. */
    String qualifiedRuleId() {
        return findingId.isEmpty() ? ruleId : ruleId + "[" + findingId + "]";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
