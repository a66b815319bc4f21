package dev.tally.audit.scan.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.scan.check.tags.TagPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("policy files")
class PolicyFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    @DisplayName("the bundled thresholds.yaml (the repository's policies/audit) holds exactly the documented defaults")
    void bundledThresholdsAreTheDefaults() {
        assertThat(ThresholdsFile.bundled()).isEqualTo(Thresholds.DEFAULTS);
    }

    @Test
    @DisplayName("the bundled tag policy requires the four keys the CDK app applies, environment limited to its names")
    void bundledTagPolicy() {
        TagPolicy policy = TagPolicyFile.bundled();
        assertThat(policy.requiredTags()).extracting(t -> t.key())
                .containsExactly("tally:owner", "tally:cost-center", "tally:environment", "tally:application");
        assertThat(policy.requiredOn("ec2:instance")).hasSize(4);
        assertThat(policy.requiredOn("ec2:security-group")).extracting(t -> t.key()).doesNotContain("tally:application");
        assertThat(policy.requiredTags().get(2).accepts("Production")).isTrue();
        assertThat(policy.requiredTags().get(2).accepts("prod")).isFalse();
    }

    @Test
    @DisplayName("a partial thresholds file keeps the other defaults")
    void partialFile() throws IOException {
        Thresholds t = ThresholdsFile.load(write("t.yaml", "idle-ec2:\n  rule: cpu-90d\n  cpu-90d:\n    cpu-percent: 20\n"));
        assertThat(t.idleRule()).isEqualTo(IdleRule.CPU_90D);
        assertThat(t.longCpuPercent()).isEqualTo(20);
        assertThat(t.idleDays()).isEqualTo(4);
        assertThat(t.lbMinRequestsPerDay()).isEqualTo(100);
    }

    @Test
    @DisplayName("every bad field is reported at once, with the file and the dotted field path, as a usage error")
    void everyProblemAtOnce() throws IOException {
        Path file = write("bad.yaml", """
                idle-ec2:
                  rule: lazy
                  trusted-advisor:
                    cpu-percent: lots
                    idle-days: 20
                    cpu: 3
                orphaned-lb:
                  low-traffic-days: 0
                """);
        assertThatThrownBy(() -> ThresholdsFile.load(file))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith(file.toString() + ": ")
                            .contains("unknown field 'idle-ec2.trusted-advisor.cpu'")
                            .contains("idle-ec2.rule: unknown idle rule 'lazy' (valid: trusted-advisor, cpu-90d)")
                            .contains("idle-ec2.trusted-advisor.cpu-percent must be a number, was 'lots'")
                            .doesNotContain("\n");
                });
        Path semantic = write("semantic.yaml", "idle-ec2:\n  trusted-advisor:\n    idle-days: 20\n"
                + "orphaned-lb:\n  low-traffic-days: 0\n");
        assertThatThrownBy(() -> ThresholdsFile.load(semantic)).hasMessageContaining(
                "idle-ec2.trusted-advisor.idle-days (20) cannot exceed window-days (14)")
                .hasMessageContaining("orphaned-lb.low-traffic-days must be at least 1, was 0");
    }

    @Test
    @DisplayName("a missing file and malformed YAML are one-line usage errors naming the file")
    void unreadable() throws IOException {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ThresholdsFile.load(missing)).isInstanceOf(UserFacingException.class)
                .hasMessage(missing + ": file not found");
        Path broken = write("broken.yaml", "idle-ec2: [unclosed\n");
        assertThatThrownBy(() -> TagPolicyFile.load(broken)).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(broken + ": not valid YAML at line 1, column ").hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("tag policy: a missing key, a duplicate key (ignoring case) and a malformed type are all reported")
    void tagPolicyProblems() throws IOException {
        Path file = write("tags.yaml", """
                required-tags:
                  - key: Owner
                  - key: owner
                  - description: no key
                  - key: app
                    applies-to: ["EC2 instance"]
                """);
        assertThatThrownBy(() -> TagPolicyFile.load(file)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("required-tags[1].key 'owner' is listed twice")
                .hasMessageContaining("required-tags[2].key is required")
                .hasMessageContaining("required-tags[3].applies-to entry 'EC2 instance' is not a resource type");
        Path empty = write("empty.yaml", "required-tags: []\n");
        assertThatThrownBy(() -> TagPolicyFile.load(empty)).hasMessageContaining("required-tags must be a non-empty list");
    }
}
