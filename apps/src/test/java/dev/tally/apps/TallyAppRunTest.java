package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The app process itself fails, so {@code cdk synth} fails too, not only the JUnit gate. */
@DisplayName("TallyApp.run: the exit code of the app")
class TallyAppRunTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(CdkJsonContext.forTests());
        all.putAll(context);
        App app = new App(AppProps.builder().outdir(dir.resolve("cdk.out").toString()).context(all).build());
        return TallyApp.run(app, TODAY, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("exits 1 and lists the finding when the gate fails (here: a stale suppression)")
    void gateFailureExitsOne() throws Exception {
        Path suppressions = dir.resolve("suppressions.yaml");
        // The real file, whose entries all apply, plus one entry that matches nothing.
        Files.writeString(suppressions, Files.readString(Path.of("..", AppSettings.DEFAULT_SUPPRESSIONS)).stripTrailing()
                + """

                  - rule: AwsSolutions-SQS3
                    path: /Staging/Renewal/Pipeline/NoSuchQueue/Resource
                    reason: Left behind after the queue was renamed; nothing matches it any more.
                    owner: platform-team
                    expires: 2027-01-31
                """);

        int code = run(Map.of("env", "staging", "suppressions", suppressions.toString()));

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).startsWith("Compliance gate FAILED: 1 error(s)")
                .containsPattern("stale suppression #\\d+ AwsSolutions-SQS3 at /Staging/Renewal/Pipeline/NoSuchQueue/Resource");
        assertThat(dir.resolve("cdk.out").resolve(TallyApp.REPORT_FILE)).content().startsWith("Compliance gate FAILED");
        assertThat(dir.resolve("cdk.out/assembly-Production")).doesNotExist();
    }

    @Test
    @DisplayName("exits 2 with one clear message, and no stack trace, when the Lambda jar is missing")
    void missingJarExitsTwo() {
        int code = run(Map.of("functionsJar", dir.resolve("missing.jar").toString()));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("missing.jar does not exist").contains("mvn -B -q -DskipTests package")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("exits 2 naming the entry when the suppression file is invalid")
    void invalidSuppressionsExitTwo() throws Exception {
        Path suppressions = dir.resolve("suppressions.yaml");
        Files.writeString(suppressions, """
                suppressions:
                  - rule: AwsSolutions-SQS3
                    path: /Staging/Renewal/Pipeline/Queue
                    owner: platform-team
                    expires: 2026-01-31
                """);

        int code = run(Map.of("suppressions", suppressions.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("entry #1 (AwsSolutions-SQS3 at /Staging/Renewal/Pipeline/Queue): reason is required")
                .contains("expired on 2026-01-31");
    }
}
