package dev.tally.audit.estimate.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudFormation stack of a cloud assembly.
 *
 * @param path        where it sits in the app, as the report names it: the stage's display path and the stack's
 *                    ({@code Production/Renewal}); for a template given directly, {@code template}
 * @param stackName   the CloudFormation stack name ({@code tally-production-renewal})
 * @param region      the region of its environment, or empty when environment-agnostic ({@code unknown-region})
 * @param template    the parsed template
 */
public record StackTemplate(String path, String stackName, Optional<String> region, JsonNode template) {
    public StackTemplate {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(template, "template");
    }

    /** The template's {@code Resources} section (an empty object when there is none). */
    public JsonNode resources() {
        return template.path("Resources");
    }
}
