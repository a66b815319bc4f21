package dev.tally.constructs.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs <a href="https://github.com/aws-cloudformation/cfn-lint">cfn-lint</a> over synthesized templates: it checks
 * every property against the CloudFormation resource specification, so a template the CDK accepts but CloudFormation
 * would reject at deploy time fails the build instead.
 *
 * <p>cfn-lint is a Python tool ({@code pip install cfn-lint}), found on the {@code PATH} by default. When it is
 * missing the result says so in one line; {@link ComplianceGate} reports that as a warning on a developer's machine
 * and as an error where {@code CI=true}, so CI never passes without linting.
 *
 * <p>All templates go to one cfn-lint process (its start-up costs seconds); its JSON output is parsed into findings
 * naming the resource's logical id, which the gate turns back into a construct path.
 */
public final class CfnLint {

    /** The executable looked up on the {@code PATH} by {@link #onPath()}. */
    public static final String EXECUTABLE = "cfn-lint";

    /** How to install it, for the "missing" message. */
    public static final String INSTALL_HINT = "pip install cfn-lint";

    private static final long TIMEOUT_MINUTES = 5;

    private final String executable;
    private final Map<String, String> environment;

    private CfnLint(String executable, Map<String, String> environment) {
        this.executable = executable;
        this.environment = environment;
    }

    /** cfn-lint as found on this process's {@code PATH}. */
    public static CfnLint onPath() {
        return new CfnLint(EXECUTABLE, System.getenv());
    }

    /**
     * A given executable (a path, or a name looked up on {@code PATH} in {@code environment}).
     *
     * @param environment the variables to look {@code PATH} up in, e.g. {@code System.getenv()}
     */
    public static CfnLint at(String executable, Map<String, String> environment) {
        return new CfnLint(Objects.requireNonNull(executable, "executable"), Map.copyOf(environment));
    }

    /** The executable file to run, empty when cfn-lint is not installed. */
    public Optional<Path> locate() {
        if (executable.contains(File.separator)) {
            Path path = Path.of(executable);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = environment.getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The one-line message for a machine without cfn-lint. */
    public String missingMessage() {
        return executable + " was not found on the PATH, so the templates were not linted: install it with '"
                + INSTALL_HINT + "' (or run .ci/run, which does)";
    }

    /**
     * Lints templates in one cfn-lint run.
     *
     * @param templates each template file with the name its findings are reported under (e.g. the stack's name)
     * @param regions   the regions to validate against (cfn-lint's default, us-east-1, when empty)
     * @return every finding, errors and warnings alike (cfn-lint's informational findings are dropped)
     * @throws CfnLintException when cfn-lint is missing, fails to run or prints something that is not its JSON
     */
    public List<Finding> lint(Map<Path, String> templates, List<String> regions) {
        if (templates.isEmpty()) {
            return List.of();
        }
        Path binary = locate().orElseThrow(() -> new CfnLintException(missingMessage()));
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--format", "json",
                "--non-zero-exit-code", "none"));
        if (!regions.isEmpty()) {
            command.add("--regions");
            command.addAll(regions);
        }
        command.add("--");
        templates.keySet().forEach(template -> command.add(template.toString()));
        String output = run(command);
        return parse(output, templates);
    }

    private String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new CfnLintException("cfn-lint did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            String out = stdout.join();
            if (process.exitValue() != 0) {
                throw new CfnLintException("cfn-lint exited with " + process.exitValue() + ": "
                        + firstLine(stderr.join().isBlank() ? out : stderr.join()));
            }
            return out;
        } catch (IOException e) {
            throw new CfnLintException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CfnLintException("interrupted while waiting for cfn-lint");
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no output)");
    }

    private static List<Finding> parse(String output, Map<Path, String> templates) {
        JsonNode findings;
        try {
            findings = new ObjectMapper().readTree(output.isBlank() ? "[]" : output);
        } catch (JsonProcessingException e) {
            throw new CfnLintException("cfn-lint printed something that is not its JSON report: " + firstLine(output));
        }
        Map<String, Path> byFileName = new LinkedHashMap<>();
        templates.keySet().forEach(path -> byFileName.put(path.toString(), path));
        List<Finding> result = new ArrayList<>();
        for (JsonNode finding : findings) {
            String level = finding.path("Level").asText();
            if (!level.equals("Error") && !level.equals("Warning")) {
                continue;
            }
            String fileName = finding.path("Filename").asText();
            Path file = byFileName.getOrDefault(fileName, Path.of(fileName));
            List<String> location = new ArrayList<>();
            finding.path("Location").path("Path").forEach(segment -> location.add(segment.asText()));
            boolean inResource = location.size() >= 2 && location.get(0).equals("Resources");
            if (inResource && isKnownFalsePositive(finding.path("Rule").path("Id").asText(), file, location)) {
                continue;
            }
            result.add(new Finding(level.equals("Error") ? NagFinding.Level.ERROR : NagFinding.Level.WARNING,
                    templates.getOrDefault(file, fileName), inResource ? location.get(1) : "",
                    String.join("/", inResource ? location.subList(2, location.size()) : location),
                    finding.path("Rule").path("Id").asText(), finding.path("Message").asText().strip()));
        }
        return result;
    }

    /**
     * cfn-lint 1.51's schema predates {@code Tags} on {@code AWS::CloudWatch::Dashboard}, which CloudFormation and
     * the CDK's {@code CfnDashboard} support (and the app's tags reach): that E3002 is dropped, nothing else.
     */
    private static boolean isKnownFalsePositive(String rule, Path file, List<String> location) {
        if (!rule.equals("E3002") || location.size() != 4 || !location.get(3).equals("Tags")) {
            return false;
        }
        try {
            JsonNode template = new ObjectMapper().readTree(file.toFile());
            return "AWS::CloudWatch::Dashboard".equals(
                    template.path("Resources").path(location.get(1)).path("Type").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One cfn-lint finding.
     *
     * @param level     error or warning
     * @param template  the name the template was given (the stack)
     * @param logicalId the resource it concerns, empty for a finding outside {@code Resources}
     * @param location  where in the resource (e.g. {@code Properties/Bogus}) or, outside resources, in the template
     * @param ruleId    cfn-lint's rule id, e.g. {@code E3002} or {@code W3005}
     * @param message   what cfn-lint says
     */
    public record Finding(NagFinding.Level level, String template, String logicalId, String location, String ruleId,
                          String message) {

        /**
         * The finding in the gate's terms, at {@code resourcePath} (the resource's construct path, or the template
         * location when it has none); the rule id is prefixed {@code cfn-lint:}.
         */
        public NagFinding toNagFinding(String resourcePath) {
            String where = location.isEmpty() ? resourcePath : resourcePath + " (" + location + ")";
            return new NagFinding(level, template, where, "cfn-lint:" + ruleId, message);
        }

        /** {@code Resources/<logicalId>/<location>}: where cfn-lint points in the template. */
        public String templatePath() {
            return logicalId.isEmpty() ? location : "Resources/" + logicalId + (location.isEmpty() ? "" : "/" + location);
        }
    }

    /** cfn-lint could not lint: it is missing, failed or printed no JSON. The message says which, in one line. */
    public static final class CfnLintException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public CfnLintException(String message) {
            super(message);
        }
    }
}
