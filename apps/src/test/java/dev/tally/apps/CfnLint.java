package dev.tally.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cfn-lint (the CloudFormation resource specification's checker) over synthesized templates and returns its
 * errors: what the CDK accepts but CloudFormation would reject at deploy time, such as a circular dependency.
 *
 * <p>One known false positive is dropped: cfn-lint 1.51's schema predates {@code Tags} on
 * {@code AWS::CloudWatch::Dashboard}, which CloudFormation (and the CDK's generated {@code CfnDashboard}) support.
 */
final class CfnLint {

    private CfnLint() {
    }

    /** Error-level findings, one line each ({@code rule resource-path: message}). */
    static List<String> errors(List<Path> templates) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "json"));
        templates.forEach(t -> command.add(t.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("cfn-lint is not on the PATH: install it (pip install cfn-lint)", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("cfn-lint did not finish within 5 minutes");
        }
        String json = new String(out, StandardCharsets.UTF_8).trim();
        if (json.isEmpty()) {
            if (process.exitValue() != 0) {
                throw new IllegalStateException("cfn-lint failed without findings: " + err);
            }
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(json)) {
            String rule = finding.path("Rule").path("Id").asText();
            if (!rule.startsWith("E")) {
                continue;
            }
            List<String> path = new ArrayList<>();
            finding.path("Location").path("Path").forEach(p -> path.add(p.asText()));
            String file = finding.path("Filename").asText();
            if (rule.equals("E3002") && path.size() == 4 && path.get(3).equals("Tags")
                    && "AWS::CloudWatch::Dashboard".equals(resourceType(Path.of(file), path.get(1)))) {
                continue;
            }
            errors.add(rule + " " + String.join("/", path) + ": " + finding.path("Message").asText());
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static String resourceType(Path template, String logicalId) {
        try {
            Map<String, Object> json = new ObjectMapper().readValue(template.toFile(), Map.class);
            Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) json.get("Resources");
            return resources.containsKey(logicalId) ? (String) resources.get(logicalId).get("Type") : null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template, e);
        }
    }

    /** Writes {@code template} (as JSON) to a file in {@code dir}, for tests that lint a template of their own. */
    static Path write(Path dir, String name, String template) throws IOException {
        return Files.writeString(dir.resolve(name), template);
    }
}
