package dev.tally.constructs.compliance;

/**
 * One problem the gate reports: an unsuppressed nag error or warning on a resource, or a suppression-file entry that
 * no longer earns its place.
 *
 * @param level   {@link Level#ERROR} fails the gate; {@link Level#WARNING} is reported only
 * @param stack   the stack it was found in, as the CDK displays it ({@code Staging/Renewal (tally-staging-renewal)}),
 *                or {@code the suppression file} for an entry that matched no stack
 * @param path    the construct path of the resource ({@code /Staging/Renewal/Queue/Resource}) or suppression pattern
 * @param ruleId  the cdk-nag rule id, with the granular finding in brackets when there is one
 *                ({@code AwsSolutions-IAM5[Resource::*]}); for a message the CDK itself raised, its acknowledgement id
 *                ({@code @aws-cdk/aws-lambda:snapStartRequirePublish}) or {@code (cdk)}
 * @param message what is wrong, in one line
 */
public record NagFinding(Level level, String stack, String path, String ruleId, String message) {

    /** Severity as cdk-nag annotates it. */
    public enum Level { ERROR, WARNING }

    /** The rule id without the bracketed finding: {@code AwsSolutions-IAM5}. */
    public String rule() {
        int bracket = ruleId.indexOf('[');
        return bracket < 0 ? ruleId : ruleId.substring(0, bracket);
    }

    /** Three lines: level, rule and stack; the resource path; the message. */
    public String render() {
        String nl = System.lineSeparator();
        return String.format("%-7s %s in %s%s        at %s%s        %s", level, ruleId, stack, nl, path, nl, message);
    }
}
