package dev.tally.audit.estimate.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudAssemblyReaderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a stage's nested assembly is read, its stacks named by display path, the environment's region kept")
    void nested() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"artifacts": {"assembly-Prod": {"type": "cdk:cloud-assembly",
                  "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}},
                  "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}""");
        Path stage = Files.createDirectories(dir.resolve("assembly-Prod"));
        Files.writeString(stage.resolve("manifest.json"), """
                {"artifacts": {"ProdApi": {"type": "aws:cloudformation:stack", "displayName": "Prod/Api",
                  "environment": "aws://123456789012/eu-west-1",
                  "properties": {"templateFile": "ProdApi.template.json", "stackName": "prod-api"}}}}""");
        Files.writeString(stage.resolve("ProdApi.template.json"), "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
        CloudAssembly assembly = CloudAssemblyReader.read(dir);
        assertThat(assembly.stacks()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("Prod/Api");
            assertThat(s.stackName()).isEqualTo("prod-api");
            assertThat(s.region()).contains("eu-west-1");
        });
        assertThat(assembly.resourceCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("not an assembly, a template missing from it, broken JSON: one line each naming the file and the fix")
    void badInput() throws IOException {
        assertThatThrownBy(() -> CloudAssemblyReader.read(dir)).isInstanceOf(UserFacingException.class)
                .hasMessage(dir + ": not a cloud assembly (no manifest.json); run 'npx aws-cdk synth' first, or name the folder it wrote");
        Files.writeString(dir.resolve("manifest.json"), """
                {"artifacts": {"S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.template.json"}}}}""");
        assertThatThrownBy(() -> CloudAssemblyReader.read(dir)).isInstanceOf(UserFacingException.class)
                .hasMessage(dir.resolve("S.template.json") + ": missing from the cloud assembly; synthesize again");
        Files.writeString(dir.resolve("S.template.json"), "{\"Resources\": ");
        assertThatThrownBy(() -> CloudAssemblyReader.read(dir)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(dir.resolve("S.template.json") + ": not valid JSON (");
    }

    @Test
    @DisplayName("the CDK's unknown-region is no region: the stack is priced in the default one")
    void unknownRegion() {
        assertThat(CloudAssemblyReader.region("aws://unknown-account/unknown-region")).isEmpty();
        assertThat(CloudAssemblyReader.region("aws://1/us-west-2")).contains("us-west-2");
    }
}
