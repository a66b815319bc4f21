package dev.tally.constructs.compliance;

import io.github.cdklabs.cdknag.NagPackSuppression;
import java.time.LocalDate;
import java.util.List;

/**
 * One accepted nag finding on one resource, with the justification that makes it acceptable.
 *
 * @param entry     1-based position in the suppression file, so every message can point at the entry
 * @param rule      cdk-nag rule id, e.g. {@code AwsSolutions-IAM5}
 * @param path      the resource it applies to (see {@link SuppressionPath})
 * @param appliesTo for granular rules (IAM4/IAM5), the exact finding ids accepted, e.g. {@code Resource::*};
 *                  empty means every finding of {@code rule} on that resource
 * @param reason    why the finding is acceptable; recorded in the nag report
 * @param owner     who answers for it (team or person)
 * @param expires   last day the suppression is honoured; after it the file is rejected until someone re-justifies
 */
public record JustifiedSuppression(
        int entry, String rule, SuppressionPath path, List<String> appliesTo, String reason, String owner,
        LocalDate expires) {

    public JustifiedSuppression {
        appliesTo = List.copyOf(appliesTo);
    }

    /** A short label naming the entry in messages: {@code #2 AwsSolutions-SQS3 at /Staging/Renewal/Queue}. */
    public String label() {
        return "#" + entry + " " + rule + " at " + path;
    }

    /** The suppression in cdk-nag's own form; the owner and expiry travel in the reason so the CSV report shows them. */
    NagPackSuppression toNagPackSuppression() {
        NagPackSuppression.Builder builder = NagPackSuppression.builder()
                .id(rule)
                .reason(reason + " (owner: " + owner + ", expires: " + expires + ")");
        if (!appliesTo.isEmpty()) {
            builder.appliesTo(List.copyOf(appliesTo));
        }
        return builder.build();
    }
}
