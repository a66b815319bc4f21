package dev.tally.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.scan.pricing.PriceTableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("tally --version and tally completion")
class VersionAndCompletionTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("--version: the version, the commit and the bundled price table's date, one per line")
    void version() {
        TallyRun run = TallyRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0)).matches("tally \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(run.out().lines().toList().get(1)).matches("commit ([0-9a-f]{7,40}|unknown)( \\(.*\\))?");
        assertThat(run.out().lines().toList().get(2))
                .isEqualTo("bundled price table of " + PriceTableFile.bundled().snapshotDate());
        assertThat(TallyRun.of("scan", "--version").out()).isEqualTo(run.out());
    }

    @Test
    @DisplayName("completion bash is picocli's script for the whole tree; zsh the same script with its zsh preamble")
    void scripts() {
        TallyRun bash = TallyRun.of("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("_complete_tally").contains("--output-file").contains("chargeback");
        TallyRun zsh = TallyRun.of("completion", "zsh");
        assertThat(zsh.out()).startsWith("# zsh completion for tally").contains("bashcompinit");
        TallyRun fish = TallyRun.of("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(fish.err()).contains("unknown shell 'fish' (valid: bash, zsh)");
    }

    @Test
    @DisplayName("the bash script really completes: 'tally ch' -> chargeback, 'tally scan --output-f' -> --output-file")
    void bashCompletes() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("tally.bash"), TallyRun.of("completion", "bash").out());
        assertThat(complete(script, "tally ch", 1)).contains("chargeback");
        assertThat(complete(script, "tally scan --output-f", 2)).contains("--output-file");
        assertThat(complete(script, "tally chargeback --out", 2)).contains("--output", "--output-file");
    }

    /** Sources the script in a real bash and asks its completion function for the words of {@code line}. */
    private String complete(Path script, String line, int wordIndex) throws IOException, InterruptedException {
        String words = String.join(" ", line.split(" "));
        String program = "source " + script + "\nCOMP_WORDS=(" + words + ")\nCOMP_CWORD=" + wordIndex
                + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=" + line.length() + "\n_complete_tally\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
