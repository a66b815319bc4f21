package dev.tally.audit.scan.check;

import dev.tally.audit.scan.check.tags.RequiredTag;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.InstanceState;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.ScanInventory;
import dev.tally.audit.scan.model.TaggedResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code untagged}: resources missing a required cost-allocation tag of the tag policy (keys compared ignoring case,
 * a blank value counts as missing, a value outside the allowed list is reported as invalid).
 *
 * <p>Resources come from the Tagging API (every resource type it knows that has or had a tag) and from the instance,
 * load balancer and bucket describe calls, which also find resources that were never tagged (the Tagging API does not
 * return those). A resource seen both ways is judged once.
 */
public final class UntaggedResourceCheck implements Check {
    public static final String ID = "untagged";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Missing cost-allocation tags";
    }

    @Override
    public String description() {
        return "A resource lacks a tag the tag policy requires on its type (key compared ignoring case; blank = "
                + "missing), or carries a value outside the allowed list. Its cost cannot be allocated to an owner.";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.LOW;
    }

    @Override
    public boolean estimatesSavings() {
        return false;
    }

    @Override
    public CollectionScope requirements(CollectionScope scope, AuditPolicy policy) {
        return new CollectionScope(true, scope.instanceMetricDays(), true, scope.loadBalancerMetricDays(), true, true,
                scope.lastDay());
    }

    /** A resource to judge, wherever it was seen. */
    private record Subject(String arn, String id, String type, String accountId, String region, Map<String, String> tags) {
    }

    @Override
    public List<Finding> evaluate(ScanInventory inventory, AuditPolicy policy) {
        Map<String, Subject> subjects = new LinkedHashMap<>();
        for (RegionInventory region : inventory.regions()) {
            for (Ec2Instance i : region.instances()) {
                if (i.state() != InstanceState.TERMINATED && i.state() != InstanceState.SHUTTING_DOWN) {
                    subjects.putIfAbsent(i.arn(), new Subject(i.arn(), i.instanceId(), "ec2:instance", i.accountId(),
                            i.region(), i.tags()));
                }
            }
            for (LoadBalancer lb : region.loadBalancers()) {
                subjects.putIfAbsent(lb.arn(), new Subject(lb.arn(), lb.name(), "elasticloadbalancing:loadbalancer",
                        lb.accountId(), lb.region(), lb.tags()));
            }
        }
        for (AccountInventory account : inventory.accounts()) {
            for (Bucket b : account.buckets()) {
                subjects.putIfAbsent(b.arn(), new Subject(b.arn(), b.name(), "s3:bucket", b.accountId(), b.region(),
                        b.tags()));
            }
        }
        for (RegionInventory region : inventory.regions()) {
            for (TaggedResource r : region.taggedResources()) {
                subjects.putIfAbsent(r.arn(), new Subject(r.arn(), shortId(r.arn()), r.resourceType(),
                        region.accountId(), region.region(), r.tags()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Subject s : subjects.values()) {
            judge(s, policy).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparing(Finding::accountId).thenComparing(Finding::region)
                .thenComparing(Finding::resourceType).thenComparing(Finding::resourceId));
        return findings;
    }

    private Optional<Finding> judge(Subject s, AuditPolicy policy) {
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (RequiredTag tag : policy.tagPolicy().requiredOn(s.type())) {
            Optional<String> value = tag.valueIn(s.tags());
            if (value.isEmpty() || value.get().isBlank()) {
                missing.add(tag.key());
            } else if (!tag.accepts(value.get())) {
                invalid.add(tag.key() + "='" + value.get() + "' (allowed: " + String.join(", ", tag.allowedValues()) + ")");
            }
        }
        if (missing.isEmpty() && invalid.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add((s.tags().isEmpty() ? "never tagged; " : "") + "missing " + String.join(", ", missing));
        }
        if (!invalid.isEmpty()) {
            parts.add("invalid " + String.join(", ", invalid));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!missing.isEmpty()) {
            attributes.put("missingTags", String.join(",", missing));
        }
        return Optional.of(new Finding(ID, defaultSeverity(), s.accountId(), s.region(), s.arn(), s.id(),
                s.type(), String.join("; ", parts),
                "Tag it (through the IaC that owns it, so the tags survive the next deploy) and activate the keys as "
                        + "cost allocation tags in the Billing console.",
                new CostBasis.NotApplicable("its cost cannot be allocated; not a saving"), attributes));
    }

    /** The last segment of an ARN's resource part ({@code i-0abc}, {@code my-queue}, {@code my-bucket}). */
    static String shortId(String arn) {
        String[] parts = arn.split(":", 6);
        String resource = parts.length == 6 ? parts[5] : arn;
        int cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
        return cut >= 0 && cut < resource.length() - 1 ? resource.substring(cut + 1) : resource;
    }
}
