package dev.tally.audit.scan.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every check {@code tally scan} knows, by id, in the order reports list them. */
public final class CheckCatalog {
    private final Map<String, Check> checks = new LinkedHashMap<>();

    /** The four built-in checks. */
    public CheckCatalog() {
        this(List.of(new IdleInstanceCheck(), new OrphanedLoadBalancerCheck(), new PublicBucketCheck(),
                new UntaggedResourceCheck()));
    }

    public CheckCatalog(List<Check> all) {
        all.forEach(c -> checks.put(c.id(), c));
    }

    public List<Check> all() {
        return List.copyOf(checks.values());
    }

    public List<String> ids() {
        return List.copyOf(checks.keySet());
    }

    /**
     * The checks named (ids compared ignoring case, duplicates dropped), in catalog order.
     *
     * @throws IllegalArgumentException naming every unknown id and the valid ones
     */
    public List<Check> select(List<String> ids) {
        List<String> unknown = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (String id : ids) {
            String normalised = id.trim().toLowerCase(Locale.ROOT);
            if (!checks.containsKey(normalised)) {
                unknown.add(id.trim());
            } else {
                wanted.add(normalised);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown check" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "' (valid: " + String.join(", ", checks.keySet()) + ")");
        }
        return checks.values().stream().filter(c -> wanted.contains(c.id())).toList();
    }
}
