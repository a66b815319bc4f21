package dev.tally.audit.scan.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.common.policy.PolicyYaml;
import java.nio.file.Path;
import java.util.Set;

/**
 * Loads {@code policies/audit/thresholds.yaml} (or the copy bundled in the jar) into {@link Thresholds}: missing fields
 * keep their defaults, unknown fields and invalid values are reported together, naming the file and the field.
 */
public final class ThresholdsFile {
    /** Where the jar carries the repository's {@code policies/audit/thresholds.yaml}. */
    public static final String BUNDLED = "/policies/audit/thresholds.yaml";

    private ThresholdsFile() {
    }

    /** The bundled defaults. */
    public static Thresholds bundled() {
        return load(PolicyYaml.readResource(BUNDLED));
    }

    /**
     * Loads a thresholds file.
     *
     * @throws dev.tally.audit.common.cli.UserFacingException (usage) naming the file and every bad field
     */
    public static Thresholds load(Path file) {
        return load(PolicyYaml.read(file));
    }

    private static Thresholds load(PolicyYaml.Parsed parsed) {
        PolicyYaml yaml = parsed.reader();
        JsonNode root = parsed.root();
        Thresholds d = Thresholds.DEFAULTS;
        yaml.onlyFields(root, "", Set.of("idle-ec2", "orphaned-lb"));
        JsonNode idle = yaml.section(root, "", "idle-ec2");
        yaml.onlyFields(idle, "idle-ec2", Set.of("rule", "trusted-advisor", "cpu-90d"));
        JsonNode ta = idle == null ? null : yaml.section(idle, "idle-ec2", "trusted-advisor");
        yaml.onlyFields(ta, "idle-ec2.trusted-advisor", Set.of("cpu-percent", "network-mb", "idle-days", "window-days"));
        JsonNode longRule = idle == null ? null : yaml.section(idle, "idle-ec2", "cpu-90d");
        yaml.onlyFields(longRule, "idle-ec2.cpu-90d", Set.of("cpu-percent", "window-days", "min-days-with-data"));
        JsonNode lb = yaml.section(root, "", "orphaned-lb");
        yaml.onlyFields(lb, "orphaned-lb", Set.of("min-requests-per-day", "low-traffic-days"));

        IdleRule rule = d.idleRule();
        String ruleText = yaml.text(idle, "idle-ec2", "rule", null);
        if (ruleText != null) {
            try {
                rule = IdleRule.parse(ruleText);
            } catch (IllegalArgumentException e) {
                yaml.problem("idle-ec2.rule: " + e.getMessage());
            }
        }
        Thresholds thresholds = new Thresholds(rule,
                yaml.number(ta, "idle-ec2.trusted-advisor", "cpu-percent", d.idleCpuPercent()),
                yaml.number(ta, "idle-ec2.trusted-advisor", "network-mb", d.idleNetworkMb()),
                yaml.integer(ta, "idle-ec2.trusted-advisor", "idle-days", d.idleDays()),
                yaml.integer(ta, "idle-ec2.trusted-advisor", "window-days", d.idleWindowDays()),
                yaml.number(longRule, "idle-ec2.cpu-90d", "cpu-percent", d.longCpuPercent()),
                yaml.integer(longRule, "idle-ec2.cpu-90d", "window-days", d.longWindowDays()),
                yaml.integer(longRule, "idle-ec2.cpu-90d", "min-days-with-data", d.longMinDaysWithData()),
                yaml.number(lb, "orphaned-lb", "min-requests-per-day", d.lbMinRequestsPerDay()),
                yaml.integer(lb, "orphaned-lb", "low-traffic-days", d.lbLowTrafficDays()));
        yaml.throwIfProblems();
        thresholds.problems().forEach(yaml::problem);
        yaml.throwIfProblems();
        return thresholds;
    }
}
