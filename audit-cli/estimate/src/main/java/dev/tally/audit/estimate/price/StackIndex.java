package dev.tally.audit.estimate.price;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.audit.estimate.resolve.TemplateScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources of one stack by type, and which resources refer to which: a pricer finds the scalable targets that
 * drive a function's provisioned concurrency, or the task definition of a service, through it. Built once per stack.
 */
public final class StackIndex {
    private final TemplateScope scope;
    private final Map<String, List<String>> byType = new HashMap<>();
    private final Map<String, Set<String>> references = new HashMap<>();

    public StackIndex(TemplateScope scope) {
        this.scope = scope;
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.stack().resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            byType.computeIfAbsent(resource.getValue().path("Type").asText(), t -> new ArrayList<>()).add(resource.getKey());
        }
    }

    /** Logical ids of the resources of a type, in template order. */
    public List<String> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The resources {@code logicalId}'s properties refer to. */
    public Set<String> referencesOf(String logicalId) {
        return references.computeIfAbsent(logicalId,
                id -> scope.referencedResources(scope.resource(id).path("Properties")));
    }

    /** The resources of {@code type} whose properties refer to {@code target} (directly). */
    public List<String> referrers(String type, String target) {
        return ofType(type).stream().filter(id -> referencesOf(id).contains(target)).toList();
    }

    public TemplateScope scope() {
        return scope;
    }
}
