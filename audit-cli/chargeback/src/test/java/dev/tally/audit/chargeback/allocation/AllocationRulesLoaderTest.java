package dev.tally.audit.chargeback.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading and validating chargeback rules")
class AllocationRulesLoaderTest {
    private final AllocationRulesLoader loader = new AllocationRulesLoader();

    private AllocationRules parse(String yaml) throws IOException {
        return loader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
    }

    private static CostRow row(String tagKey, String value) {
        return new CostRow("111111111111", "Amazon EC2", ChargeKind.USAGE, Map.of(tagKey, value), BigDecimal.ONE, "USD");
    }

    @Test
    @DisplayName("a complete file gives tag keys in order, aliases, parents, untagged split and shared rules")
    void completeFile() throws IOException {
        AllocationRules rules = parse("""
                owner-tags: [tally:cost-center, tally:owner]
                names:
                  untagged-values: [none]
                  aliases:
                    Payments: [payments-team, PAY]
                parents:
                  payments: Commerce
                untagged:
                  method: even
                  among: [Payments, search]
                shared:
                  - name: support
                    match: { kinds: [support] }
                    method: proportional
                  - name: network
                    match: { accounts: ["012345678901"], services: [Amazon VPC] }
                    method: fixed
                    owner: PAY
                """);

        assertThat(rules.ownerTagKeys()).containsExactly("tally:cost-center", "tally:owner");
        assertThat(rules.ownerOf(row("tally:owner", " Payments-Team "))).contains("payments");
        assertThat(rules.ownerOf(row("tally:owner", "None"))).isEmpty();
        assertThat(rules.parentOf("payments")).contains("commerce");
        assertThat(rules.untagged()).contains(Split.even().among(List.of("payments", "search")));
        assertThat(rules.shared()).extracting(SharedCostRule::name).containsExactly("support", "network");
        assertThat(rules.shared().get(1).split()).isEqualTo(Split.fixed("payments"));
        assertThat(rules.shared().get(1).accounts()).containsExactly("012345678901");
    }

    @Test
    @DisplayName("untagged defaults to unallocated, names default to trim + case-fold")
    void defaults() throws IOException {
        AllocationRules rules = parse("owner-tags: team\n");

        assertThat(rules.untagged()).isEmpty();
        assertThat(rules.ownerTagKeys()).containsExactly("team");
        assertThat(rules.ownerOf(row("team", "  Search "))).contains("search");
    }

    @Test
    @DisplayName("every problem is reported at once, each naming the file and the field")
    void allProblemsAtOnce() {
        assertThatThrownBy(() -> parse("""
                owner-tag: [x]
                untagged: { method: unallocated, owner: platform }
                shared:
                  - name: support
                    match: { kinds: [suport] }
                    method: evenly
                  - name: support
                    match: { accounts: [12345] }
                    method: fixed
                  - match: {}
                    method: even
                    owner: someone
                """))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).startsWith("rules.yaml: ")
                            .contains("owner-tag: unknown key")
                            .contains("owner-tags: missing")
                            .contains("untagged: 'owner' and 'among' do not apply to method 'unallocated'")
                            .contains("shared[0].method: 'evenly' is not one of proportional, even, fixed")
                            .contains("shared[0].match.kinds[0]: 'suport' is not one of usage, discounted-usage")
                            .contains("shared[1].name: 'support' is used by an earlier rule")
                            .contains("shared[1].owner: missing: method 'fixed' needs the owner who pays")
                            .contains("shared[1].match.accounts[0]: '12345' is not a 12-digit account id")
                            .contains("shared[2].name: missing")
                            .contains("shared[2].owner: only method 'fixed' takes an owner")
                            .contains("shared[2].match: give at least one of kinds, accounts, services");
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    @DisplayName("an alias claimed by two owners is an error")
    void conflictingAlias() {
        assertThatThrownBy(() -> parse("""
                owner-tags: [team]
                names:
                  aliases:
                    payments: [pay]
                    payroll: [Pay]
                """)).hasMessageContaining("names.aliases.payroll: 'Pay' is already an alias of 'payments'");
    }

    @Test
    @DisplayName("a shared rule may not take the built-in untagged pool's name (its cost would merge into untagged)")
    void untaggedIsReserved() {
        assertThatThrownBy(() -> parse("""
                owner-tags: [team]
                shared:
                  - name: Untagged
                    match: { services: [AmazonCloudWatch] }
                    method: fixed
                    owner: platform
                """)).hasMessageContaining("shared[0].name: 'Untagged' is reserved for the built-in untagged pool");
    }

    @Test
    @DisplayName("the department roll-up is one level: a parent with a parent is an error")
    void oneLevelParents() {
        assertThatThrownBy(() -> parse("""
                owner-tags: [team]
                parents: { payments: commerce, commerce: company }
                """)).hasMessageContaining("parents.payments: parent 'commerce' has a parent itself");
    }

    @Test
    @DisplayName("broken YAML names the line")
    void brokenYaml() {
        assertThatThrownBy(() -> parse("owner-tags: [a\nshared: ]\n"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("rules.yaml: not valid YAML at line");
    }

    @Test
    @DisplayName("a missing rules file says so and how to fix it")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .hasMessage(dir.resolve("nope.yaml") + ": file not found");
    }

    @Test
    @DisplayName("the repository's policies/chargeback/rules.yaml and the bundled default are valid")
    void shippedRulesAreValid() {
        Path repoRules = Path.of("../../policies/chargeback/rules.yaml");
        assertThat(repoRules).exists();
        AllocationRules rules = loader.load(repoRules);
        assertThat(rules.ownerTagKeys()).isNotEmpty();
        assertThat(loader.loadBundled().untagged()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("--tag-key replaces the ordered owner tags with one key")
    void tagKeyOverride(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("r.yaml"), "owner-tags: [a, b]\n");
        AllocationRules rules = loader.load(file).withOwnerTagKey("team");
        assertThat(rules.ownerTagKeys()).containsExactly("team");
    }
}
