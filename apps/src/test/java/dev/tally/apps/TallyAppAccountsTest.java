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
        for (String name : List.of("tally-staging-audit", "tally-staging-renewal")) {
            assertThat(stack(name).getEnvironment().getAccount()).isEqualTo("111111111111");
            assertThat(stack(name).getEnvironment().getRegion()).isEqualTo("eu-west-1");
        }
        for (String name : List.of("tally-production-audit", "tally-production-renewal")) {
            assertThat(stack(name).getEnvironment().getAccount()).isEqualTo("222222222222");
            assertThat(stack(name).getEnvironment().getRegion()).isEqualTo("us-east-1");
        }
    }

    @Test
    @DisplayName("synthesis made no AWS look-up (nothing missing from context) and the gate passes")
    void noLookupsAndCompliant() {
        assertThat(synthesis.assembly().getManifest().getMissing()).isNullOrEmpty();
        assertThat(synthesis.report().errors()).as(synthesis.report().render()).isEmpty();
        assertThat(synthesis.report().lintSummary()).contains("4 template(s) linted, 0 error(s)");
    }
}
