package dev.tally.audit.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("progress bar")
class TerminalProgressTest {
    @Test
    @DisplayName("redraws one line in place with done/total and clears it at the end")
    void draws() {
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err));
        progress.planned(4);
        progress.finished("111111111111/eu-west-1");
        progress.finished("111111111111/us-east-1");
        progress.done();
        String text = err.toString();
        assertThat(text).doesNotContain("\n");
        assertThat(text).contains("\rscanning [###############...............] 2/4 111111111111/us-east-1");
        assertThat(text).endsWith("\r");
    }

    @Test
    @DisplayName("under a test runner (no console) stderr is not treated as a terminal")
    void notATerminalHere() {
        assertThat(TerminalProgress.stderrIsTerminal()).isFalse();
    }
}
