package dev.tally.constructs.compliance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a cdk-nag rule id, such as {@code AwsSolutions-SQS3} or {@code Serverless-LambdaDLQ}.
 *
 * <p>A suppression naming a rule of a pack the gate does not run could never match a finding, so the loader rejects
 * it up front rather than letting it sit in the file as a silent no-op.
 */
public final class NagRuleIds {

    /** The packs whose rules the gate runs, plus cdk-nag's id for a rule that failed to evaluate. */
    public static final List<String> KNOWN_PREFIXES = NagPacks.ALL;

    /** cdk-nag's id for "a rule threw while evaluating this resource" (usually an unresolved token). */
    public static final String VALIDATION_FAILURE = "CdkNagValidationFailure";

    private static final Pattern RULE_ID = Pattern.compile("^(AwsSolutions|Serverless|NIST\\.800\\.53\\.R5|PCI\\.DSS\\.321"
            + "|HIPAA\\.Security|FinOps)-[A-Za-z0-9]+$");

    private NagRuleIds() {
    }

    /** Whether {@code ruleId} names a rule of a pack the gate applies. */
    public static boolean isKnown(String ruleId) {
        return ruleId != null && (RULE_ID.matcher(ruleId).matches() || VALIDATION_FAILURE.equals(ruleId));
    }
}
