package dev.tally.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.constructs.compliance.NagPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The app's settings, read from CDK context ({@code -c key=value} or {@code cdk.json}), all optional:
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code env}</td><td>{@code all}</td><td>{@code staging}, {@code production} or {@code all}</td></tr>
 *   <tr><td>{@code functionsJar}</td><td>{@value #DEFAULT_FUNCTIONS_JAR}</td><td>the Lambda jar, relative to the
 *       working directory (the repo root when run by the CDK CLI)</td></tr>
 *   <tr><td>{@code suppressions}</td><td>{@value #DEFAULT_SUPPRESSIONS}</td><td>justified nag suppressions</td></tr>
 *   <tr><td>{@code account}, {@code region}</td><td>none</td><td>both or neither; without them stacks are
 *       environment-agnostic and synthesis needs no AWS credentials</td></tr>
 *   <tr><td>{@code costCenter}</td><td>{@value #DEFAULT_COST_CENTER}</td><td>value of the {@code tally:cost-center}
 *       tag</td></tr>
 *   <tr><td>{@code owner}</td><td>{@value #DEFAULT_OWNER}</td><td>value of the {@code tally:owner} tag</td></tr>
 *   <tr><td>{@code tagPolicy}</td><td>{@value #DEFAULT_TAG_POLICY}</td><td>the required tags (shared with
 *       {@code tally scan --checks untagged})</td></tr>
 *   <tr><td>{@code nagPacks}</td><td>all six</td><td>the packs the gate runs (a list, or comma-separated)</td></tr>
 *   <tr><td>{@code finOpsRules}</td><td>{@value #DEFAULT_FINOPS_RULES}</td><td>FinOps rule levels</td></tr>
 *   <tr><td>{@code stagingAccount}, {@code stagingRegion}, {@code productionAccount},
 *       {@code productionRegion}</td><td>none</td><td>an environment's own account and region (both or neither),
 *       overriding {@code account}/{@code region}</td></tr>
 *   <tr><td>{@code tags}</td><td>none</td><td>values of further tags the policy requires, an object in cdk.json or
 *       JSON with {@code -c tags='{"key":"value"}'}; they override the defaults above</td></tr>
 * </table>
 *
 * @param environments     the environments to synthesize
 * @param functionsJar     path of the Lambda jar (checked to exist)
 * @param suppressionsFile path of the suppression file
 * @param account          AWS account id, empty for environment-agnostic stacks
 * @param region           AWS region, empty for environment-agnostic stacks
 * @param costCenter       cost-allocation tag value
 * @param owner            owner tag value
 * @param tagPolicyFile    path of the tag policy
 * @param tags             tag values given in context, by key
 * @param nagPacks         the nag packs the gate runs
 * @param finOpsRulesFile  path of the FinOps pack's rule levels
 * @param targets          per environment name, the account and region it deploys to (absent: the shared
 *                         {@code account}/{@code region}, or environment-agnostic)
 */
public record AppSettings(
        List<EnvironmentSizing> environments, Path functionsJar, Path suppressionsFile, Optional<String> account,
        Optional<String> region, String costCenter, String owner, Path tagPolicyFile, Map<String, String> tags,
        List<String> nagPacks, Path finOpsRulesFile, Map<String, DeploymentTarget> targets) {

    public static final String DEFAULT_FUNCTIONS_JAR = "functions/target/tally-functions.jar";
    public static final String DEFAULT_SUPPRESSIONS = "policies/nag/suppressions.yaml";
    public static final String DEFAULT_COST_CENTER = "isp-billing";
    public static final String DEFAULT_OWNER = "platform-team";
    public static final String DEFAULT_TAG_POLICY = "policies/tag-policy.yaml";
    public static final String DEFAULT_FINOPS_RULES = "policies/finops/rules.yaml";

    private static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d$");
    // AWS tag values: letters, digits, spaces and _ . : / = + - @, at most 256 characters.
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}$");

    public AppSettings {
        environments = List.copyOf(environments);
        tags = Map.copyOf(tags);
        nagPacks = List.copyOf(nagPacks);
        targets = Map.copyOf(targets);
    }

    /** Where {@code environment} deploys: its own account and region, the shared ones, or none (agnostic). */
    public Optional<DeploymentTarget> targetOf(EnvironmentSizing environment) {
        DeploymentTarget own = targets.get(environment.name());
        if (own != null) {
            return Optional.of(own);
        }
        return account.isPresent() && region.isPresent()
                ? Optional.of(new DeploymentTarget(account.get(), region.get())) : Optional.empty();
    }

    /**
     * Reads and validates the settings, reporting every problem at once.
     *
     * @param context looks a context key up, e.g. {@code key -> app.getNode().tryGetContext(key)}
     * @throws InvalidAppSettingsException naming each bad key and its fix
     */
    public static AppSettings from(Function<String, Object> context) {
        List<String> problems = new ArrayList<>();

        String env = text(context, "env", "all");
        List<EnvironmentSizing> environments = switch (env) {
            case "all" -> EnvironmentSizing.ALL;
            case "staging" -> List.of(EnvironmentSizing.STAGING);
            case "production" -> List.of(EnvironmentSizing.PRODUCTION);
            default -> {
                problems.add("env '" + env + "' is unknown: use -c env=staging, -c env=production or leave it out for both");
                yield List.of();
            }
        };

        Path jar = Path.of(text(context, "functionsJar", DEFAULT_FUNCTIONS_JAR));
        if (!Files.isRegularFile(jar)) {
            problems.add("the Lambda jar " + jar.toAbsolutePath().normalize() + " does not exist: run "
                    + "'mvn -B -q -DskipTests package' first (or pass -c functionsJar=PATH)");
        }
        Path suppressions = Path.of(text(context, "suppressions", DEFAULT_SUPPRESSIONS));
        if (!Files.isRegularFile(suppressions)) {
            problems.add("the suppression file " + suppressions.toAbsolutePath().normalize() + " does not exist: run "
                    + "from the repository root (or pass -c suppressions=PATH)");
        }

        Optional<String> account = optionalText(context, "account");
        Optional<String> region = optionalText(context, "region");
        if (account.isPresent() != region.isPresent()) {
            problems.add("give both -c account=... and -c region=..., or neither (environment-agnostic stacks)");
        }
        checkAccountAndRegion("account", account, "region", region, problems);
        Map<String, DeploymentTarget> targets = new java.util.LinkedHashMap<>();
        for (EnvironmentSizing sizing : EnvironmentSizing.ALL) {
            String accountKey = sizing.name() + "Account";
            String regionKey = sizing.name() + "Region";
            Optional<String> envAccount = optionalText(context, accountKey);
            Optional<String> envRegion = optionalText(context, regionKey);
            if (envAccount.isPresent() != envRegion.isPresent()) {
                problems.add("give both -c " + accountKey + "=... and -c " + regionKey + "=..., or neither");
            }
            checkAccountAndRegion(accountKey, envAccount, regionKey, envRegion, problems);
            if (envAccount.isPresent() && envRegion.isPresent()) {
                targets.put(sizing.name(), new DeploymentTarget(envAccount.get(), envRegion.get()));
            }
        }

        String costCenter = text(context, "costCenter", DEFAULT_COST_CENTER);
        String owner = text(context, "owner", DEFAULT_OWNER);
        checkTagValue("costCenter", costCenter, problems);
        checkTagValue("owner", owner, problems);
        Path tagPolicy = Path.of(text(context, "tagPolicy", DEFAULT_TAG_POLICY));
        if (!Files.isRegularFile(tagPolicy)) {
            problems.add("the tag policy " + tagPolicy.toAbsolutePath().normalize() + " does not exist: run from the "
                    + "repository root (or pass -c tagPolicy=PATH)");
        }
        Map<String, String> tags = readTags(context.apply("tags"), problems);
        List<String> nagPacks = readPacks(context.apply("nagPacks"));
        NagPacks.problemsWith(nagPacks).forEach(problem -> problems.add("nagPacks: " + problem));
        Path finOpsRules = Path.of(text(context, "finOpsRules", DEFAULT_FINOPS_RULES));
        if (!Files.isRegularFile(finOpsRules)) {
            problems.add("the FinOps rule file " + finOpsRules.toAbsolutePath().normalize() + " does not exist: run"
                    + " from the repository root (or pass -c finOpsRules=PATH)");
        }

        if (!problems.isEmpty()) {
            throw new InvalidAppSettingsException(problems);
        }
        return new AppSettings(environments, jar, suppressions, account, region, costCenter, owner, tagPolicy, tags,
                nagPacks, finOpsRules, targets);
    }

    private static void checkAccountAndRegion(String accountKey, Optional<String> account, String regionKey,
                                              Optional<String> region, List<String> problems) {
        account.filter(a -> !ACCOUNT.matcher(a).matches()).ifPresent(a ->
                problems.add(accountKey + " '" + a + "' is not a 12-digit AWS account id"));
        region.filter(r -> !REGION.matcher(r).matches()).ifPresent(r ->
                problems.add(regionKey + " '" + r + "' is not an AWS region name such as eu-west-1"));
    }

    /** The {@code nagPacks} context: a list (cdk.json) or comma-separated names ({@code -c nagPacks=A,B}). */
    private static List<String> readPacks(Object value) {
        if (value == null || value.toString().isBlank()) {
            return NagPacks.ALL;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> String.valueOf(v).trim()).toList();
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                return new ObjectMapper().readValue(text, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                return List.of(text);
            }
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The {@code tags} context: an object (cdk.json) or its JSON text ({@code -c tags='{...}'}). */
    private static Map<String, String> readTags(Object value, List<String> problems) {
        if (value == null || value.toString().isBlank()) {
            return Map.of();
        }
        Object parsed = value;
        if (value instanceof String text) {
            try {
                parsed = new ObjectMapper().readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                problems.add("tags must be a JSON object of tag key to value, e.g. -c tags='{\"tally:owner\":\"team\"}'"
                        + " (was " + text + ")");
                return Map.of();
            }
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            problems.add("tags must be an object of tag key to value (was " + value + ")");
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            String tagValue = String.valueOf(v);
            checkTagValue("tags." + key, tagValue, problems);
            tags.put(key, tagValue);
        });
        return tags;
    }

    private static void checkTagValue(String key, String value, List<String> problems) {
        if (!TAG_VALUE.matcher(value).matches()) {
            problems.add(key + " '" + value + "' is not a valid tag value: 1-256 letters, digits, spaces and _.:/=+-@");
        }
    }

    private static String text(Function<String, Object> context, String key, String fallback) {
        return optionalText(context, key).orElse(fallback);
    }

    private static Optional<String> optionalText(Function<String, Object> context, String key) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }
}
