package dev.tally.audit.estimate.pricers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.PricingContext;
import dev.tally.audit.estimate.price.ResourcePricer;
import dev.tally.audit.estimate.resolve.ResourceView;
import dev.tally.audit.estimate.usage.Usage;
import dev.tally.audit.estimate.usage.UsageKey;
import dev.tally.audit.scan.pricing.PriceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::S3::Bucket}: storage by class through the bucket's lifecycle rule, at steady state. Each month's new
 * data ({@code newGbPerMonth}) spends its first {@code TransitionInDays} in STANDARD, then each later class holds it
 * for the days until the next transition ({@code days / 30} months of inflow per class); {@code storedGb} is the data
 * already past the last transition (the archive), held in the last class. Without a lifecycle rule everything stays
 * STANDARD: the stock plus this month's uploads. Each transition is a request per object at the target class's rate.
 */
public final class S3BucketPricer implements ResourcePricer {
    @Override
    public String resourceType() {
        return "AWS::S3::Bucket";
    }

    @Override
    public List<UsageKey> usageKeys() {
        return List.of(
                new UsageKey("newGbPerMonth", "GB/month", 0, "data uploaded per month"),
                new UsageKey("newObjectsPerMonth", "objects/month", 0, "objects uploaded per month (PUT requests, transitions)"),
                new UsageKey("storedGb", "GB", 0, "data already past the last lifecycle transition (the archive)"),
                new UsageKey("getRequestsPerMonth", "requests/month", 0, "GET requests"));
    }

    /** One lifecycle step: objects move to {@code storageClass} at {@code days} old. */
    record Transition(String storageClass, int days) {
    }

    @Override
    public List<CostLine> price(PricingContext context) {
        ResourceView bucket = context.resource();
        Usage usage = context.usage();
        double inflow = usage.number("newGbPerMonth");
        double objects = usage.number("newObjectsPerMonth");
        double stock = usage.number("storedGb");
        List<Transition> transitions = new ArrayList<>();
        int expiration = -1;
        for (JsonNode rule : bucket.property("LifecycleConfiguration.Rules").orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
            if (!rule.path("Status").asText("Enabled").equals("Enabled")) {
                continue;
            }
            if (rule.has("Prefix") || rule.has("TagFilters") || rule.has("ObjectSizeGreaterThan")) {
                context.note("lifecycle rule " + rule.path("Id").asText("(unnamed)")
                        + " has a filter: applied to all the bucket's data");
            }
            for (JsonNode t : rule.path("Transitions")) {
                transitions.add(new Transition(t.path("StorageClass").asText(), t.path("TransitionInDays").asInt()));
            }
            if (rule.has("Transition")) {
                JsonNode t = rule.path("Transition");
                transitions.add(new Transition(t.path("StorageClass").asText(), t.path("TransitionInDays").asInt()));
            }
            if (rule.has("ExpirationInDays")) {
                expiration = rule.path("ExpirationInDays").asInt();
            }
        }
        transitions.sort(Comparator.comparingInt(Transition::days));
        transitions = transitionsTaken(context, transitions, inflow, objects);
        List<CostLine> lines = new ArrayList<>();
        if (transitions.isEmpty()) {
            double held = expiration > 0 ? inflow * expiration / 30.0 : stock + inflow;
            lines.add(storage(context, "STANDARD", held));
        } else {
            lines.add(storage(context, "STANDARD", inflow * transitions.get(0).days() / 30.0));
            for (int i = 0; i < transitions.size(); i++) {
                Transition t = transitions.get(i);
                boolean last = i == transitions.size() - 1;
                int until = last ? expiration : transitions.get(i + 1).days();
                double held = last && until < 0 ? stock : inflow * (until - t.days()) / 30.0;
                lines.add(storage(context, t.storageClass(), held));
                lines.add(CostLine.of("lifecycle transitions to " + t.storageClass(), objects / 1000, "1K requests",
                        context.rates().rate(PriceKind.S3, "transition." + t.storageClass() + ".per-1k")));
                if (t.storageClass().startsWith("GLACIER") || t.storageClass().equals("DEEP_ARCHIVE")) {
                    context.note(t.storageClass() + ": minimum storage duration and per-object overhead not modelled");
                }
            }
        }
        lines.add(CostLine.of("PUT requests", objects / 1000, "1K requests",
                context.rates().rate(PriceKind.S3, "requests.put.per-1k")));
        lines.add(CostLine.of("GET requests", usage.number("getRequestsPerMonth") / 1000, "1K requests",
                context.rates().rate(PriceKind.S3, "requests.get.per-1k")));
        if (bucket.text("VersioningConfiguration.Status", "Suspended").equals("Enabled")) {
            context.note("versioning on: noncurrent versions are not counted");
        }
        return lines;
    }

    /** Storage classes an object under 128 KB never moves to, whatever the rule's minimum-size setting. */
    private static final java.util.Set<String> SMALL_OBJECTS_STAY = java.util.Set.of("STANDARD_IA", "ONEZONE_IA",
            "GLACIER_IR", "INTELLIGENT_TIERING");

    /**
     * The transitions the average object takes. S3 does not transition objects under 128 KB: to any class with
     * {@code TransitionDefaultMinimumObjectSize: all_storage_classes_128K} (the default since September 2024), to the
     * IA classes, Glacier IR and Intelligent-Tiering with {@code varies_by_storage_class}. The average object is
     * the month's new GB over its new objects; without an object count every transition is taken.
     */
    private static List<Transition> transitionsTaken(PricingContext context, List<Transition> transitions,
            double inflowGb, double objects) {
        if (transitions.isEmpty() || objects <= 0) {
            return transitions;
        }
        double averageKb = inflowGb * 1024 * 1024 / objects;
        if (averageKb >= 128) {
            return transitions;
        }
        boolean allClasses = context.resource().text("LifecycleConfiguration.TransitionDefaultMinimumObjectSize",
                "all_storage_classes_128K").equals("all_storage_classes_128K");
        List<Transition> taken = transitions.stream()
                .filter(t -> !allClasses && !SMALL_OBJECTS_STAY.contains(t.storageClass())).toList();
        transitions.stream().filter(t -> !taken.contains(t)).forEach(t -> context.note("the average object ("
                + Math.round(averageKb) + " KB) is under the 128 KB minimum transition size: it stays put instead of "
                + "moving to " + t.storageClass() + " at " + t.days() + " days"));
        return taken;
    }

    private static CostLine storage(PricingContext context, String storageClass, double gb) {
        return CostLine.of("storage " + storageClass, gb, "GB-month",
                context.rates().rate(PriceKind.S3, "storage." + storageClass + ".gb-month"));
    }
}
