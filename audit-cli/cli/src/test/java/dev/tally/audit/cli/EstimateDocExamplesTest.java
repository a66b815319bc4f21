package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.common.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/estimate.md's commands: each {@code ./tally estimate} line on the committed synthesis runs and succeeds, each
 * one on a {@code cdk.out} the reader synthesizes parses with the CLI's flags, and the figures the page and the README
 * quote are what the estimate prints.
 */
@DisplayName("docs/estimate.md's examples")
class EstimateDocExamplesTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String FIXTURE = "audit-cli/estimate/src/test/resources/assemblies/app";

    private static List<String> tallyCommands(String page) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(REPO.resolve(page))) {
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            String text = line.strip();
            if (!inBash || (current.isEmpty() && !text.startsWith("./tally estimate"))) {
                continue;
            }
            if (text.endsWith("\\")) {
                current.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            current.append(text.replaceFirst("\\s+#.*$", ""));
            commands.add(current.toString().replace("./tally ", "").strip());
            current.setLength(0);
        }
        return commands;
    }

    private static String[] args(String command) {
        return command.replace("'", "").replace(FIXTURE, REPO.resolve(FIXTURE).toString()).split("\\s+");
    }

    @Test
    @DisplayName("every tally estimate command in docs/estimate.md and the README runs or parses")
    void commands() throws IOException {
        List<String> commands = new ArrayList<>(tallyCommands("docs/estimate.md"));
        commands.addAll(tallyCommands("README.md"));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
        for (String command : commands) {
            if (command.contains(FIXTURE)) {
                StringWriter err = new StringWriter();
                CommandLine cli = TallyCli.commandLine();
                cli.setOut(new PrintWriter(new StringWriter(), true));
                cli.setErr(new PrintWriter(err, true));
                assertThat(cli.execute(args(command))).as(command + "\n" + err).isEqualTo(ExitCode.OK);
            } else {
                assertThat(TallyCli.commandLine().parseArgs(args(command)).subcommand().commandSpec().name())
                        .as(command).isEqualTo("estimate");
            }
        }
    }

    @Test
    @DisplayName("every priced type is documented in the page's table of what is priced")
    void everyPricedTypeDocumented() throws IOException {
        String page = Files.readString(REPO.resolve("docs/estimate.md"));
        String table = page.substring(page.indexOf("## What is priced, and how"), page.indexOf("## Usage profiles"));
        for (String type : dev.tally.audit.estimate.price.PricerCatalog.standard().pricedTypes()) {
            String shortName = type.substring(type.lastIndexOf("::") + 2);
            assertThat(table).as(type).containsAnyOf("`" + type + "`", "`" + shortName + "`", ", `" + shortName);
        }
    }

    @Test
    @DisplayName("the figures quoted are the estimate's")
    void figures() throws IOException {
        String page = Files.readString(REPO.resolve("docs/estimate.md"));
        String readme = Files.readString(REPO.resolve("README.md"));
        for (String figure : List.of("$222.76", "$407.63", "$310.36", "$2,593.76", "8.6%")) {
            assertThat(page).contains(figure);
            assertThat(readme).contains(figure);
        }
        StringWriter out = new StringWriter();
        CommandLine cli = TallyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.execute(args("estimate " + FIXTURE + " --usage renewal --stack Production/Renewal --compare-fleet legacy-fleet --region us-east-1"));
        assertThat(out.toString()).contains("$222.76/mo").contains("fleet total").contains("$2,593.76")
                .contains("8.6% of the fleet's cost").contains("$2,371.00");
        for (String[] run : List.of(new String[] {"portal", "Production/Portal", "$407.63"},
                new String[] {"eks", "Production/Platform", "$310.36"})) {
            StringWriter o = new StringWriter();
            CommandLine c = TallyCli.commandLine();
            c.setOut(new PrintWriter(o, true));
            c.setErr(new PrintWriter(new StringWriter(), true));
            c.execute(args("estimate " + FIXTURE + " --usage " + run[0] + " --stack " + run[1] + " --region us-east-1"));
            assertThat(o.toString()).contains(run[2] + "/mo");
        }
    }
}
