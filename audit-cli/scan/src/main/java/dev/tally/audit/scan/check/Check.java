package dev.tally.audit.scan.check;

import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.ScanInventory;
import java.util.List;

/**
 * One audit rule. Pure: it reads the inventory and the policy and returns findings, never calling AWS, so every rule
 * is unit-tested on hand-built inventories.
 */
public interface Check {

    /** The stable id used by {@code --checks}, in reports and as the SARIF rule id ({@code idle-ec2}). */
    String id();

    /** A short title ({@code Idle EC2 instance}). */
    String title();

    /** The rule in one or two sentences, as shown in SARIF help and the README. */
    String description();

    /** The severity of a typical finding (a finding may be more severe). */
    Severity defaultSeverity();

    /**
     * Whether its findings carry a dollar saving (idle and orphaned resources) rather than an exposure or allocation
     * problem; the summary shows n/a for the others, even with no findings.
     */
    boolean estimatesSavings();

    /** What this check needs collected, added to {@code scope} (which starts with nothing). */
    CollectionScope requirements(CollectionScope scope, AuditPolicy policy);

    /** The findings for the inventory under the policy, in a stable order. */
    List<Finding> evaluate(ScanInventory inventory, AuditPolicy policy);
}
