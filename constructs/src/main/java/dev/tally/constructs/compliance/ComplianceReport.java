package dev.tally.constructs.compliance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the gate found in a synthesized app: errors fail it, warnings are shown.
 *
 * @param stacksChecked how many stacks (across all stages) were read, so an empty app is visible in the summary
 * @param lintSummary   one line on what cfn-lint checked, empty when the gate ran without it
 * @param suppressions  every suppression in force: the file's entries and the constructs' design suppressions
 */
public record ComplianceReport(int stacksChecked, List<NagFinding> errors, List<NagFinding> warnings, String lintSummary,
                               List<SuppressionInForce> suppressions) {

    public ComplianceReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        suppressions = List.copyOf(suppressions);
    }

    /** A report of a gate that ran without cfn-lint and found no suppression. */
    public ComplianceReport(int stacksChecked, List<NagFinding> errors, List<NagFinding> warnings) {
        this(stacksChecked, errors, warnings, "", List.of());
    }

    /** How many suppressions are in force per pack ({@code AwsSolutions}, {@code Serverless}, ...), sorted by pack. */
    public Map<String, Long> suppressionsPerPack() {
        return suppressions.stream().collect(Collectors.groupingBy(SuppressionInForce::pack, TreeMap::new,
                Collectors.counting()));
    }

    /** True when there is no unsuppressed error and no stale suppression. */
    public boolean passed() {
        return errors.isEmpty();
    }

    /** Distinct rule ids of the errors, e.g. for assertions and summaries. */
    public List<String> errorRules() {
        return errors.stream().map(NagFinding::rule).distinct().sorted().toList();
    }

    /** A human-readable list: a summary line, then errors, then warnings. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Compliance gate ").append(passed() ? "PASSED" : "FAILED").append(": ")
                .append(errors.size()).append(" error(s), ").append(warnings.size()).append(" warning(s) in ")
                .append(stacksChecked).append(" stack(s)").append(System.lineSeparator());
        if (!lintSummary.isEmpty()) {
            text.append(lintSummary).append(System.lineSeparator());
        }
        errors.forEach(finding -> text.append(finding.render()).append(System.lineSeparator()));
        warnings.forEach(finding -> text.append(finding.render()).append(System.lineSeparator()));
        if (!suppressions.isEmpty()) {
            text.append("Suppressions in force (").append(suppressions.size()).append("; per pack ")
                    .append(suppressionsPerPack()).append("):").append(System.lineSeparator());
            suppressions.forEach(s -> text.append(s.render()).append(System.lineSeparator()));
        }
        if (!passed()) {
            text.append("Fix each finding in the construct, or add a justified entry to the suppression file ")
                    .append("(rule, path, reason, owner, expires); remove stale entries.").append(System.lineSeparator());
        }
        return text.toString();
    }
}
