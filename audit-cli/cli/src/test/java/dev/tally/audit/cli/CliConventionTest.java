package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.common.cli.ExitCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The one convention, checked over the command tree itself, so a subcommand added later is held to it without anyone
 * remembering to write its test: every report-producing subcommand has the same output, AWS and configuration flags,
 * and every command's help lists the one exit-code table.
 */
@DisplayName("every tally subcommand follows the CLI's conventions")
class CliConventionTest {
    /** The flags every report-producing subcommand has. */
    private static final List<String> CONVENTION = List.of("-o", "--output", "--output-file", "--profile", "--region",
            "--no-progress", "--quiet", "--config", "--debug");
    /** Subcommands that produce no report (they print a script, help or a version). */
    private static final Set<String> NOT_REPORTS = Set.of("completion", "help", "prices", "refresh");

    static Stream<String> reportCommands() {
        return TallyCli.commandLine().getSubcommands().keySet().stream().filter(name -> !NOT_REPORTS.contains(name));
    }

    @ParameterizedTest(name = "tally {0}")
    @MethodSource("reportCommands")
    @DisplayName("has -o/--output, --output-file, --profile, --region, --no-progress, --quiet, --config, --debug")
    void conventionFlags(String name) {
        CommandLine command = TallyCli.commandLine().getSubcommands().get(name);
        assertThat(CONVENTION).allSatisfy(flag ->
                assertThat(command.getCommandSpec().findOption(flag)).as(name + " " + flag).isNotNull());
    }

    @Test
    @DisplayName("the report commands are scan, chargeback and estimate (a new one joins the check above by being added)")
    void reportCommandsAreKnown() {
        assertThat(reportCommands()).contains("scan", "chargeback", "estimate");
    }

    @Test
    @DisplayName("every command and subcommand lists the same exit-code table in its help")
    void oneExitCodeTable() {
        assertThat(all(TallyCli.commandLine())).allSatisfy(command ->
                assertThat(command.getCommandSpec().usageMessage().exitCodeList())
                        .as(command.getCommandSpec().qualifiedName()).isEqualTo(ExitCode.TABLE));
        assertThat(ExitCode.TABLE).containsOnlyKeys("0", "1", "2", "3", "4", "70");
        assertThat(Map.of(ExitCode.OK, 0, ExitCode.FINDINGS, 1, ExitCode.USAGE, 2, ExitCode.INCOMPLETE, 3,
                ExitCode.UNRECONCILED, 4, ExitCode.INTERNAL, 70)).allSatisfy((code, expected) ->
                assertThat(code).isEqualTo(expected));
    }

    @Test
    @DisplayName("no subcommand: one line and exit 2; an unknown flag: one line, the usage hint, exit 2")
    void usageErrors() {
        TallyRun none = TallyRun.of();
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).startsWith("tally: Missing subcommand");
        TallyRun unknown = TallyRun.of("chargeback", "--month", "2025-10", "--colour");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err().lines()).containsExactly("tally: Unknown option: '--colour'",
                "Run 'tally chargeback --help' for usage.");
    }

    private static List<CommandLine> all(CommandLine root) {
        return Stream.concat(Stream.of(root), root.getSubcommands().values().stream()
                .flatMap(sub -> all(sub).stream())).toList();
    }
}
