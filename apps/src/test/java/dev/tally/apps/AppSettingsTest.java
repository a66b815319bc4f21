package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.constructs.compliance.tags.TagPolicy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AppSettings: the app's context keys, validated up front")
class AppSettingsTest {

    private static AppSettings settings(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(CdkJsonContext.forTests());
        all.putAll(context);
        return AppSettings.from(all::get);
    }

    @Test
    @DisplayName("with no context: both environments, env-agnostic, default tag values")
    void defaults() {
        AppSettings settings = settings(Map.of());
        assertThat(settings.environments()).containsExactly(EnvironmentSizing.STAGING, EnvironmentSizing.PRODUCTION);
        assertThat(settings.account()).isEmpty();
        assertThat(settings.region()).isEmpty();
        assertThat(settings.costCenter()).isEqualTo("isp-billing");
        assertThat(settings.owner()).isEqualTo("platform-team");
        assertThat(settings.functionsJar()).isEqualTo(Path.of(CdkJsonContext.functionsJar()));
    }

    @Test
    @DisplayName("-c env=staging or env=production selects one environment")
    void selectsOneEnvironment() {
        assertThat(settings(Map.of("env", "staging")).environments()).containsExactly(EnvironmentSizing.STAGING);
        assertThat(settings(Map.of("env", "production")).environments()).containsExactly(EnvironmentSizing.PRODUCTION);
    }

    @Test
    @DisplayName("an explicit account and region are taken as given")
    void explicitEnvironment() {
        AppSettings settings = settings(Map.of("account", "123456789012", "region", "eu-west-1"));
        assertThat(settings.account()).isEqualTo(Optional.of("123456789012"));
        assertThat(settings.region()).isEqualTo(Optional.of("eu-west-1"));
    }

    @Test
    @DisplayName("a missing Lambda jar says how to build it")
    void missingJar() {
        assertThatThrownBy(() -> settings(Map.of("functionsJar", "nowhere/tally-functions.jar")))
                .isInstanceOf(InvalidAppSettingsException.class)
                .hasMessageContaining("nowhere/tally-functions.jar does not exist")
                .hasMessageContaining("run 'mvn -B -q -DskipTests package' first");
    }

    @Test
    @DisplayName("every bad key is reported at once")
    void reportsAllProblems() {
        assertThatThrownBy(() -> settings(Map.of("env", "prod", "account", "12345", "costCenter", "a,b")))
                .isInstanceOf(InvalidAppSettingsException.class)
                .hasMessageStartingWith("Cannot synthesize the Tally app (4 problems)")
                .hasMessageContaining("env 'prod' is unknown")
                .hasMessageContaining("give both -c account=... and -c region=...")
                .hasMessageContaining("account '12345' is not a 12-digit AWS account id")
                .hasMessageContaining("costCenter 'a,b' is not a valid tag value");
    }

    @Test
    @DisplayName("the tags context (an object, or JSON text from -c) gives values for further required keys")
    void tagValuesFromContext() {
        TagPolicy policy = TagPolicy.parse("""
                required-tags:
                  - key: tally:owner
                  - key: tally:data-class
                """, "test");
        AppSettings fromObject = settings(Map.of("tags", Map.of("tally:data-class", "internal")));
        assertThat(CostAllocationTags.forEnvironment(EnvironmentSizing.STAGING, fromObject, policy))
                .containsExactly(Map.entry("tally:owner", "platform-team"), Map.entry("tally:data-class", "internal"));
        AppSettings fromJson = settings(Map.of("tags", "{\"tally:data-class\":\"pii\",\"tally:owner\":\"billing\"}"));
        assertThat(CostAllocationTags.forEnvironment(EnvironmentSizing.STAGING, fromJson, policy))
                .containsEntry("tally:owner", "billing").containsEntry("tally:data-class", "pii");
        assertThatThrownBy(() -> settings(Map.of("tags", "not json")))
                .isInstanceOf(InvalidAppSettingsException.class).hasMessageContaining("tags must be a JSON object");
    }

    @Test
    @DisplayName("the app applies exactly the keys policies/tag-policy.yaml requires")
    void policyKeysApplied() {
        TagPolicy policy = TagPolicy.load(Path.of("..", AppSettings.DEFAULT_TAG_POLICY));
        assertThat(CostAllocationTags.forEnvironment(EnvironmentSizing.PRODUCTION, settings(Map.of()), policy))
                .containsOnlyKeys(policy.keys().toArray(String[]::new))
                .containsEntry(CostAllocationTags.ENVIRONMENT, "production");
    }

    @Test
    @DisplayName("each environment may have its own account and region; the shared pair is the fallback")
    void perEnvironmentTargets() {
        AppSettings settings = settings(Map.of("productionAccount", "222222222222", "productionRegion", "us-east-1",
                "account", "111111111111", "region", "eu-west-1"));
        assertThat(settings.targetOf(EnvironmentSizing.PRODUCTION))
                .contains(new DeploymentTarget("222222222222", "us-east-1"));
        assertThat(settings.targetOf(EnvironmentSizing.STAGING))
                .contains(new DeploymentTarget("111111111111", "eu-west-1"));
        assertThat(settings(Map.of()).targetOf(EnvironmentSizing.STAGING)).isEmpty();
        assertThatThrownBy(() -> settings(Map.of("stagingAccount", "12", "productionRegion", "moon-1")))
                .isInstanceOf(InvalidAppSettingsException.class)
                .hasMessageContaining("give both -c stagingAccount=... and -c stagingRegion=..., or neither")
                .hasMessageContaining("stagingAccount '12' is not a 12-digit AWS account id")
                .hasMessageContaining("give both -c productionAccount=... and -c productionRegion=..., or neither")
                .hasMessageContaining("productionRegion 'moon-1' is not an AWS region name");
    }

    @Test
    @DisplayName("nagPacks: cdk.json's list, or comma-separated names from -c; unknown names refused")
    void nagPacks() {
        assertThat(settings(Map.of()).nagPacks()).containsExactly("AwsSolutions", "Serverless", "FinOps");
        assertThat(settings(Map.of("nagPacks", "NIST.800.53.R5, HIPAA.Security")).nagPacks())
                .containsExactly("NIST.800.53.R5", "HIPAA.Security");
        assertThat(AppSettings.from(key -> {
            Map<String, Object> context = new HashMap<>(CdkJsonContext.forTests());
            context.remove("nagPacks");
            return context.get(key);
        }).nagPacks()).containsExactlyElementsOf(dev.tally.constructs.compliance.NagPacks.ALL);
        assertThatThrownBy(() -> settings(Map.of("nagPacks", "AwsSolutions,PCI")))
                .isInstanceOf(InvalidAppSettingsException.class)
                .hasMessageContaining("nagPacks: unknown nag pack 'PCI': choose from");
    }

    @Test
    @DisplayName("environment names give stage ids and stack names")
    void names() {
        assertThat(EnvironmentSizing.PRODUCTION.stageId()).isEqualTo("Production");
        assertThat(EnvironmentSizing.STAGING.stackName("renewal")).isEqualTo("tally-staging-renewal");
    }
}
