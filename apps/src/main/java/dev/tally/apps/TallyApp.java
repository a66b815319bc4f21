package dev.tally.apps;

import dev.tally.constructs.compliance.CfnLint;
import dev.tally.constructs.compliance.ComplianceGate;
import dev.tally.constructs.compliance.ComplianceReport;
import dev.tally.constructs.compliance.InvalidSuppressionsException;
import dev.tally.constructs.compliance.SuppressionPolicy;
import dev.tally.constructs.compliance.tags.TagPolicy;
import dev.tally.constructs.finops.FinOpsPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The composition root: one {@link EnvironmentStage} per environment (staging and production by default), tagged,
 * with the {@link ComplianceGate} over all of them. Run by the CDK CLI through {@code cdk.json}.
 *
 * <p>Exit codes: 0 synthesized and compliant; 1 the compliance gate found unsuppressed errors or stale suppressions
 * (listed on stderr and in {@code cdk.out/compliance-report.txt}); 2 bad settings or suppression file.
 */
public final class TallyApp {

    /** Name of the gate's report in the assembly directory. */
    public static final String REPORT_FILE = "compliance-report.txt";

    private final App app;
    private final List<EnvironmentStage> stages;
    private final ComplianceGate gate;

    private TallyApp(App app, List<EnvironmentStage> stages, ComplianceGate gate) {
        this.app = app;
        this.stages = List.copyOf(stages);
        this.gate = gate;
    }

    /**
     * Builds every environment into {@code app} and applies the gate.
     *
     * @param today the date suppression expiry is judged against
     * @throws InvalidAppSettingsException   when the context is unusable or the Lambda jar is missing
     * @throws InvalidSuppressionsException  when the suppression file is invalid
     */
    public static TallyApp compose(App app, LocalDate today) {
        AppSettings settings = AppSettings.from(key -> app.getNode().tryGetContext(key));
        SuppressionPolicy policy = SuppressionPolicy.load(settings.suppressionsFile(), today);
        TagPolicy tagPolicy = TagPolicy.load(settings.tagPolicyFile());
        List<EnvironmentStage> stages = settings.environments().stream()
                .map(sizing -> new EnvironmentStage(app, sizing, settings, tagPolicy))
                .toList();
        // cfn-lint runs on every template; without it the gate warns locally and fails where CI=true.
        ComplianceGate gate = ComplianceGate.builder()
                .suppressions(policy)
                .requiredTags(tagPolicy)
                .packs(settings.nagPacks())
                .finOps(FinOpsPolicy.load(settings.finOpsRulesFile(), tagPolicy))
                .cfnLint(CfnLint.onPath())
                .today(today)
                .build();
        gate.applyTo(app);
        return new TallyApp(app, stages, gate);
    }

    /** Synthesizes the app, writes the gate's report next to the templates and returns it. */
    public Synthesis synth() {
        CloudAssembly assembly = app.synth();
        ComplianceReport report = gate.verify(assembly);
        try {
            Files.writeString(Path.of(assembly.getDirectory(), REPORT_FILE), report.render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + REPORT_FILE + " into " + assembly.getDirectory(), e);
        }
        return new Synthesis(assembly, report);
    }

    /** The environments' stages, in deployment order. */
    public List<EnvironmentStage> stages() {
        return stages;
    }

    /** A synthesized assembly and what the compliance gate found in it. */
    public record Synthesis(CloudAssembly assembly, ComplianceReport report) {
    }

    /** Composes, synthesizes and gates {@code app}; returns the process exit code. */
    static int run(App app, LocalDate today, PrintStream err) {
        try {
            ComplianceReport report = compose(app, today).synth().report();
            // Diagnostics go to stderr: the CDK CLI shows them, and stdout stays free for the CLI's own output.
            err.print(report.render());
            return report.passed() ? 0 : 1;
        } catch (InvalidAppSettingsException | InvalidSuppressionsException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        int code = run(new App(), LocalDate.now(ZoneOffset.UTC), System.err);
        if (code != 0) {
            System.exit(code);
        }
    }
}
