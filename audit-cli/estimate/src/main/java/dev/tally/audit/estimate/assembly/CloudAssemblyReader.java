package dev.tally.audit.estimate.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collect stage: reads a cloud assembly the way the CDK CLI does, from {@code manifest.json}: every
 * {@code aws:cloudformation:stack} artifact's template, and every {@code cdk:cloud-assembly} artifact (a CDK
 * {@code Stage}) recursively. A single template file is read as a one-stack assembly, so a template from anywhere can
 * be priced. Nothing here talks to AWS.
 */
public final class CloudAssemblyReader {
    /** The stack path of a template given directly. */
    public static final String SINGLE_TEMPLATE = "template";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stages nest; a manifest naming its own folder would recurse forever. */
    private static final int MAX_DEPTH = 16;

    private CloudAssemblyReader() {
    }

    /**
     * Reads {@code source}: a {@code cdk.out} folder or a {@code .json}/{@code .template.json} file.
     *
     * @throws UserFacingException (usage) when it is missing, not an assembly, or a file in it is not valid JSON
     */
    public static CloudAssembly read(Path source) {
        if (Files.isRegularFile(source)) {
            JsonNode template = readJson(source);
            if (!template.has("Resources")) {
                throw UserFacingException.usage(source + ": not a CloudFormation template (no Resources section)");
            }
            String name = source.getFileName().toString().replaceFirst("(\\.template)?\\.json$", "");
            // One path for every single template, so that two versions of a template diff resource by resource.
            return new CloudAssembly(source, List.of(new StackTemplate(SINGLE_TEMPLATE, name, Optional.empty(), template)));
        }
        if (!Files.isDirectory(source)) {
            throw UserFacingException.usage(source + ": no such folder; run 'npx aws-cdk synth' first, or name the "
                    + "cloud assembly folder (default cdk.out)");
        }
        List<StackTemplate> stacks = new ArrayList<>();
        readAssembly(source, stacks, 0);
        return new CloudAssembly(source, stacks);
    }

    private static void readAssembly(Path dir, List<StackTemplate> stacks, int depth) {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw UserFacingException.usage(dir + ": not a cloud assembly (no manifest.json); run 'npx aws-cdk synth' "
                    + "first, or name the folder it wrote");
        }
        if (depth > MAX_DEPTH) {
            throw UserFacingException.usage(dir + ": nested assemblies deeper than " + MAX_DEPTH + " levels");
        }
        JsonNode artifacts = readJson(manifestFile).path("artifacts");
        for (Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> artifact = it.next();
            JsonNode value = artifact.getValue();
            JsonNode props = value.path("properties");
            switch (value.path("type").asText()) {
                case "aws:cloudformation:stack" -> {
                    Path templateFile = dir.resolve(props.path("templateFile").asText(artifact.getKey() + ".template.json"));
                    String display = value.path("displayName").asText(artifact.getKey());
                    stacks.add(new StackTemplate(display, props.path("stackName").asText(artifact.getKey()),
                            region(value.path("environment").asText("")), readJson(templateFile)));
                }
                case "cdk:cloud-assembly" -> readAssembly(dir.resolve(props.path("directoryName").asText()), stacks,
                        depth + 1);
                default -> {
                    // Asset manifests, the tree, feature-flag reports: nothing to price.
                }
            }
        }
    }

    /** {@code aws://123456789012/eu-west-1} → eu-west-1; the CDK's {@code unknown-region} → none. */
    static Optional<String> region(String environment) {
        String[] parts = environment.split("/");
        String region = parts.length >= 4 ? parts[3] : "";
        return region.isEmpty() || region.startsWith("unknown-") ? Optional.empty() : Optional.of(region);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw UserFacingException.usage(file + ": missing from the cloud assembly; synthesize again");
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw UserFacingException.usage(file + ": not valid JSON (" + detail + ")");
        }
    }
}
