package dev.tally.apps;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The context the CDK CLI gives the app: cdk.json's {@code context} (feature flags) plus the repo-relative paths the
 * CLI resolves from the repository root. Tests synthesize with it so they check the templates {@code cdk synth}
 * produces, not a variant without the feature flags.
 */
final class CdkJsonContext {

    private CdkJsonContext() {
    }

    /** cdk.json's context with {@code functionsJar} and {@code suppressions} pointing from the apps module up. */
    static Map<String, Object> forTests() {
        Map<String, Object> context = new HashMap<>(cdkJsonContext(Path.of("..", "cdk.json")));
        context.put("functionsJar", functionsJar());
        context.put("suppressions", "../" + AppSettings.DEFAULT_SUPPRESSIONS);
        context.put("tagPolicy", "../" + AppSettings.DEFAULT_TAG_POLICY);
        context.put("finOpsRules", "../" + AppSettings.DEFAULT_FINOPS_RULES);
        return context;
    }

    /**
     * The jar of this build's functions module (surefire passes its path, which follows {@code -Dtally.target}), or
     * the default build's jar when this build did not package functions (e.g. {@code mvn -pl apps test}).
     */
    static String functionsJar() {
        String fromBuild = System.getProperty("tally.functionsJar");
        if (fromBuild != null && Files.isRegularFile(Path.of(fromBuild))) {
            return fromBuild;
        }
        return "../" + AppSettings.DEFAULT_FUNCTIONS_JAR;
    }

    private static Map<String, Object> cdkJsonContext(Path cdkJson) {
        try {
            Map<String, Object> json = new ObjectMapper().readValue(cdkJson.toFile(), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) json.getOrDefault("context", Map.of());
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdkJson.toAbsolutePath(), e);
        }
    }
}
