package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** Staging and production to their own accounts and regions, from context, still one topology and no look-ups. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("TallyApp: each environment in its own account and region")
class TallyAppAccountsTest {

    private TallyApp.Synthesis synthesis;

    @BeforeAll
    void synthesize(@TempDir Path dir) {
        Map<String, Object> context = new HashMap<>(CdkJsonContext.forTests());
        context.putAll(Map.of("stagingAccount", "111111111111", "stagingRegion", "eu-west-1",
                "productionAccount", "222222222222", "productionRegion", "us-east-1",
                "nagPacks", List.of("AwsSolutions", "FinOps")));
        // Pinned to an account, the portal's and platform's VPCs pick their AZs from the account's: the CDK looks
        // them up once and keeps them in cdk.context.json, which a team commits. These are that file's entries.
        context.put("availability-zones:account=111111111111:region=eu-west-1",
                List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));
        context.put("availability-zones:account=222222222222:region=us-east-1",
                List.of("us-east-1a", "us-east-1b", "us-east-1c"));
        App app = new App(AppProps.builder().outdir(dir.toString()).context(context).build());
        synthesis = TallyApp.compose(app, LocalDate.now(ZoneOffset.UTC)).synth();
    }

    private CloudFormationStackArtifact stack(String name) {
        return synthesis.assembly().getStacksRecursively().stream()
                .filter(s -> s.getStackName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("every stack of an environment is pinned to that environment's account and region")
    void ownAccounts() {
        for (String name : List.of("tally-staging-audit", "tally-staging-renewal", "tally-staging-portal",
                "tally-staging-platform")) {
            assertThat(stack(name).getEnvironment().getAccount()).isEqualTo("111111111111");
            assertThat(stack(name).getEnvironment().getRegion()).isEqualTo("eu-west-1");
        }
        for (String name : List.of("tally-production-audit", "tally-production-renewal", "tally-production-portal",
                "tally-production-platform")) {
            assertThat(stack(name).getEnvironment().getAccount()).isEqualTo("222222222222");
            assertThat(stack(name).getEnvironment().getRegion()).isEqualTo("us-east-1");
        }
    }

    @Test
    @DisplayName("with the AZ look-ups committed as context, synthesis makes no AWS look-up and the gate passes")
    void noLookupsAndCompliant() {
        assertThat(synthesis.assembly().getManifest().getMissing()).isNullOrEmpty();
        assertThat(synthesis.report().errors()).as(synthesis.report().render()).isEmpty();
        assertThat(synthesis.report().lintSummary())
                .contains(EnvironmentSizing.ALL.size() * 4 + " template(s) linted, 0 error(s)");
    }
}
