package dev.tally.constructs.compliance;

import dev.tally.constructs.compliance.tags.RequiredTagsCheck;
import dev.tally.constructs.compliance.tags.TagPolicy;
import dev.tally.constructs.finops.FinOpsPolicy;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagReportFormat;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import software.constructs.IConstruct;

/**
 * The compliance gate: runs the chosen nag packs (cdk-nag's five and the FinOps pack, see {@link NagPacks}) over a
 * scope, lints every template with cfn-lint, checks the tag policy, applies the
 * justified suppressions of a {@link SuppressionPolicy}, and after synthesis lists every unsuppressed error and
 * warning across all stacks of the app, plus every stale suppression.
 *
 * <pre>
 * ComplianceGate gate = ComplianceGate.builder().suppressions(SuppressionPolicy.load(file, LocalDate.now())).build();
 * gate.applyTo(app);                      // after every stack has been built
 * ComplianceReport report = gate.verify(app.synth());
 * if (!report.passed()) { System.err.print(report.render()); System.exit(1); }
 * </pre>
 *
 * <p>Why a separate verify step: with cdk-nag 2.x findings are only annotations, so {@code app.synth()} succeeds even
 * when they are errors (aws/aws-cdk#37018). The gate reads them back from the cloud assembly instead.
 *
 * <p>A suppression is stale, and fails the gate, when its path matches no resource or when the rule no longer fires
 * on the resource it matched: the file can then only hold suppressions that are in use. A path matching more than one
 * resource in a stack is rejected too, so every entry stays scoped to one resource.
 *
 * <p>One gate instance serves one app: {@link #applyTo} records which resources each suppression was applied to,
 * and {@link #verify} checks them.
 */
public final class ComplianceGate {

    private static final Pattern ACK_SUFFIX = Pattern.compile("^(.*?)\\s*\\[ack: ([^\\]]+)]$");

    private final SuppressionPolicy policy;
    private final boolean reports;
    private final boolean verbose;
    private final CfnLint cfnLint;
    private final boolean cfnLintRequired;
    private final LocalDate today;
    private final TagPolicy tagPolicy;
    private final List<String> packs;
    private final FinOpsPolicy finOps;
    private final Map<JustifiedSuppression, List<String>> appliedPaths = new LinkedHashMap<>();
    private final List<NagFinding> applyProblems = new ArrayList<>();
    /** Paths of the App/Stages whose direct stacks the packs check ("" is the App). */
    private final Set<String> checkedStages = new LinkedHashSet<>();
    /** Paths of Stacks given as the scope: the packs check them (and their nested stacks) only. */
    private final Set<String> checkedStackPrefixes = new LinkedHashSet<>();
    /** Construct path of every resource by "stack path + logical id", so cfn-lint findings name the construct. */
    private final Map<String, String> resourcePaths = new LinkedHashMap<>();
    private boolean applied;
    private IConstruct scope;

    private ComplianceGate(Builder builder) {
        this.policy = builder.policy;
        this.reports = builder.reports;
        this.verbose = builder.verbose;
        this.cfnLint = builder.cfnLint;
        this.cfnLintRequired = builder.cfnLintRequired;
        this.today = builder.today;
        this.tagPolicy = builder.tagPolicy;
        this.packs = builder.packs;
        this.finOps = builder.finOps;
    }

    /** Starts a gate with no suppressions, CSV reports on and terse messages. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the nag packs to {@code scope} (an App, Stage or Stack) and applies the suppressions to the resources they
     * name. Call it once, after every stack and resource of the scope exists: suppressions are resolved against the
     * construct tree as it is now.
     */
    public void applyTo(IConstruct scope) {
        if (applied) {
            throw new IllegalStateException("this ComplianceGate was already applied; use one gate per app");
        }
        applied = true;
        this.scope = scope;
        NagPackProps props = NagPackProps.builder()
                .verbose(verbose)
                .logIgnores(true) // the info annotation of a suppressed finding is how verify() spots stale entries
                .reports(reports)
                .reportFormats(List.of(NagReportFormat.CSV))
                .build();
        // The CDK does not pass an App's aspects on to nested Stages (each stage invokes only its own), so the packs
        // are added to the scope and to every stage inside it; otherwise staged stacks would go unchecked.
        List<IConstruct> roots = new ArrayList<>();
        roots.add(scope);
        scope.getNode().findAll().stream().filter(c -> c != scope && Stage.isStage(c)).forEach(roots::add);
        for (IConstruct root : roots) {
            String path = root.getNode().getPath();
            if (Stack.isStack(root)) {
                checkedStackPrefixes.add(path);
            } else {
                checkedStages.add(path);
            }
            // READONLY priority: the packs run after every mutating aspect (Tags included), so they see final values.
            AspectOptions readOnly = AspectOptions.builder().priority(AspectPriority.READONLY).build();
            for (String pack : packs) {
                Aspects.of(root).add(NagPacks.create(pack, props, finOps), readOnly);
            }
        }
        applySuppressions(scope);
    }

    /** Records every resource's construct path by stack and logical id; the tree is final once synthesis starts. */
    private void recordResourcePaths(IConstruct scope) {
        for (IConstruct construct : scope.getNode().findAll()) {
            if (CfnResource.isCfnResource(construct)) {
                Stack stack = Stack.of(construct);
                String logicalId = stack.resolve(((CfnResource) construct).getLogicalId()).toString();
                resourcePaths.put(stack.getNode().getPath() + " " + logicalId, "/" + construct.getNode().getPath());
            }
        }
    }

    private void applySuppressions(IConstruct scope) {
        if (policy.suppressions().isEmpty()) {
            return;
        }
        List<ResourceRef> resources = new ArrayList<>();
        for (IConstruct construct : scope.getNode().findAll()) {
            if (CfnResource.isCfnResource(construct)) {
                Stack stack = Stack.of(construct);
                resources.add(new ResourceRef(construct.getNode().getPath(), stack));
            }
        }
        for (JustifiedSuppression suppression : policy.suppressions()) {
            if (!runsPackOf(suppression.rule(), suppression.appliesTo())) {
                continue; // about a pack this gate does not run: neither applied nor checked
            }
            Map<String, List<ResourceRef>> byStack = new LinkedHashMap<>();
            for (ResourceRef resource : resources) {
                if (suppression.path().matches(resource.path())) {
                    byStack.computeIfAbsent(resource.stack().getNode().getPath(), k -> new ArrayList<>()).add(resource);
                }
            }
            if (byStack.isEmpty()) {
                applyProblems.add(new NagFinding(NagFinding.Level.ERROR, "the suppression file", suppression.path().toString(),
                        suppression.rule(), "stale suppression " + suppression.label() + " (owner " + suppression.owner()
                        + "): its path matches no resource; correct the path or delete the entry"));
                continue;
            }
            List<String> paths = new ArrayList<>();
            byStack.forEach((stackPath, matches) -> {
                if (matches.size() > 1) {
                    applyProblems.add(new NagFinding(NagFinding.Level.ERROR, stackPath, suppression.path().toString(),
                            suppression.rule(), "suppression " + suppression.label() + " matches " + matches.size()
                            + " resources in one stack (" + matches.stream().map(ResourceRef::path).toList()
                            + "); a suppression must name exactly one resource"));
                    return;
                }
                ResourceRef resource = matches.get(0);
                NagSuppressions.addResourceSuppressionsByPath(resource.stack(), "/" + resource.path(),
                        List.of(suppression.toNagPackSuppression()));
                paths.add("/" + resource.path());
            });
            appliedPaths.put(suppression, paths);
        }
    }

    /**
     * Reads the findings of every stack in a synthesized assembly (nested stage assemblies included).
     *
     * @param assembly what {@code app.synth()} returned for the scope this gate was applied to
     */
    public ComplianceReport verify(CloudAssembly assembly) {
        if (!applied) {
            throw new IllegalStateException("call applyTo(scope) before synthesizing, then verify the assembly");
        }
        Set<NagFinding> errors = new LinkedHashSet<>(applyProblems);
        Set<NagFinding> warnings = new LinkedHashSet<>();
        Set<String> firedSuppressions = new LinkedHashSet<>();
        List<CloudFormationStackArtifact> stacks = assembly.getStacksRecursively();
        for (CloudFormationStackArtifact stack : stacks) {
            String stackName = stack.getDisplayName();
            if (!isChecked(stack.getHierarchicalId())) {
                errors.add(new NagFinding(NagFinding.Level.ERROR, stackName, "/" + stack.getHierarchicalId(), "(gate)",
                        "this stack was not checked: it is outside the scope given to applyTo(), or its stage was "
                        + "created after applyTo(); apply the gate once, after every stack exists"));
            }
            for (SynthesisMessage message : stack.getMessages()) {
                String text = Objects.toString(message.getEntry().getData(), "").strip();
                String path = message.getId();
                SynthesisMessageLevel level = message.getLevel();
                if (level == SynthesisMessageLevel.INFO) {
                    NagAnnotation.parseSuppressed(text)
                            .ifPresent(suppressed -> firedSuppressions.add(path + " " + suppressed.ruleId()));
                } else if (level == SynthesisMessageLevel.ERROR || level == SynthesisMessageLevel.WARNING) {
                    NagFinding finding = toFinding(level, stackName, path, text);
                    (level == SynthesisMessageLevel.ERROR ? errors : warnings).add(finding);
                }
            }
        }
        appliedPaths.forEach((suppression, paths) -> {
            for (String path : paths) {
                if (!firedSuppressions.contains(path + " " + suppression.rule())) {
                    errors.add(new NagFinding(NagFinding.Level.ERROR, stackOf(stacks, path), path, suppression.rule(),
                            "stale suppression " + suppression.label() + " (owner " + suppression.owner() + "): "
                            + suppression.rule() + " no longer fires on this resource; delete the entry"));
                }
            }
        });
        List<SuppressionInForce> inForce = new ArrayList<>();
        appliedPaths.forEach((suppression, paths) -> inForce.add(new SuppressionInForce(
                "suppression file #" + suppression.entry(), qualified(suppression.rule(), suppression.appliesTo()),
                suppression.path() + " (" + paths.size() + " resource(s))", suppression.owner(),
                suppression.expires(), suppression.reason())));
        checkDesignSuppressions(firedSuppressions, errors, inForce);
        errors.addAll(new RequiredTagsCheck(tagPolicy).check(scope, stacks));
        String lintSummary = cfnLint == null ? "" : lintTemplates(stacks, errors, warnings);
        return new ComplianceReport(stacks.size(), new ArrayList<>(errors), new ArrayList<>(warnings), lintSummary,
                inForce);
    }

    /**
     * Checks every {@link DesignSuppression} recorded in the tree as the file's entries are checked: expired or
     * more than a year ahead, stale (its rule fired on no resource under the construct) or over-broad (it silenced
     * the rule on more than one resource).
     */
    private void checkDesignSuppressions(Set<String> fired, Set<NagFinding> errors, List<SuppressionInForce> inForce) {
        for (IConstruct construct : scope.getNode().findAll()) {
            List<DesignSuppression> suppressions = DesignSuppressions.on(construct);
            if (suppressions.isEmpty()) {
                continue;
            }
            String where = "/" + construct.getNode().getPath();
            String stack = Stack.of(construct).getNode().getPath();
            List<String> resources = construct.getNode().findAll().stream()
                    .filter(CfnResource::isCfnResource).map(c -> "/" + c.getNode().getPath()).toList();
            for (DesignSuppression suppression : suppressions) {
                if (!runsPackOf(suppression.rule(), suppression.appliesTo())) {
                    continue; // about a pack this gate does not run
                }
                String label = "design suppression " + suppression.rule() + " of " + where + " (owner "
                        + suppression.owner() + ", expires " + suppression.expires() + ")";
                inForce.add(new SuppressionInForce("design of " + where,
                        qualified(suppression.rule(), suppression.appliesTo()), where, suppression.owner(),
                        suppression.expires(), suppression.reason()));
                if (suppression.expires().isBefore(today)) {
                    errors.add(new NagFinding(NagFinding.Level.ERROR, stack, where, suppression.rule(), "expired "
                            + label + ": fix the finding, or re-justify it in the construct's code with a new date"));
                } else if (suppression.expires().isAfter(today.plusDays(SuppressionPolicy.MAX_DAYS_AHEAD))) {
                    errors.add(new NagFinding(NagFinding.Level.ERROR, stack, where, suppression.rule(), label
                            + " expires more than " + SuppressionPolicy.MAX_DAYS_AHEAD
                            + " days ahead: suppressions must be reviewed at least yearly"));
                }
                List<String> silenced = resources.stream()
                        .filter(path -> fired.contains(path + " " + suppression.rule())).toList();
                if (silenced.isEmpty()) {
                    errors.add(new NagFinding(NagFinding.Level.ERROR, stack, where, suppression.rule(), "stale "
                            + label + ": " + suppression.rule() + " no longer fires under this construct; delete it"));
                } else if (silenced.size() > 1) {
                    errors.add(new NagFinding(NagFinding.Level.ERROR, stack, where, suppression.rule(), "over-broad "
                            + label + ": it silences " + silenced.size() + " resources " + silenced
                            + "; add it to each resource it concerns"));
                }
            }
        }
    }

    /**
     * Whether this gate runs the pack a suppression is about: the rule's prefix, or for
     * {@code CdkNagValidationFailure} the prefix of the rules it names in {@code appliesTo}.
     */
    private boolean runsPackOf(String rule, List<String> appliesTo) {
        if (rule.equals(NagRuleIds.VALIDATION_FAILURE)) {
            return appliesTo.isEmpty() || appliesTo.stream().anyMatch(id -> packs.contains(packOf(id)));
        }
        return packs.contains(packOf(rule));
    }

    private static String packOf(String rule) {
        int dash = rule.indexOf('-');
        return dash < 0 ? rule : rule.substring(0, dash);
    }

    private static String qualified(String rule, List<String> appliesTo) {
        return appliesTo.isEmpty() ? rule : rule + appliesTo;
    }

    /** Runs cfn-lint over every stack's template; its errors fail the gate, its warnings are listed. */
    private String lintTemplates(List<CloudFormationStackArtifact> stacks, Set<NagFinding> errors, Set<NagFinding> warnings) {
        recordResourcePaths(scope);
        Map<Path, String> templates = new LinkedHashMap<>();
        Map<String, String> hierarchicalIds = new LinkedHashMap<>();
        Set<String> regions = new TreeSet<>();
        for (CloudFormationStackArtifact stack : stacks) {
            templates.put(Path.of(stack.getTemplateFullPath()), stack.getDisplayName());
            hierarchicalIds.put(stack.getDisplayName(), stack.getHierarchicalId());
            String region = stack.getEnvironment().getRegion();
            if (!Token.isUnresolved(region) && !region.startsWith("unknown-")) {
                regions.add(region);
            }
        }
        if (cfnLint.locate().isEmpty()) {
            NagFinding missing = new NagFinding(cfnLintRequired ? NagFinding.Level.ERROR : NagFinding.Level.WARNING,
                    "every stack", "(all templates)", "cfn-lint", cfnLint.missingMessage()
                    + (cfnLintRequired ? " (required because CI=true)" : ""));
            (cfnLintRequired ? errors : warnings).add(missing);
            return "cfn-lint: not installed, " + templates.size() + " template(s) not linted";
        }
        List<CfnLint.Finding> findings;
        try {
            findings = cfnLint.lint(templates, List.copyOf(regions));
        } catch (CfnLint.CfnLintException e) {
            errors.add(new NagFinding(NagFinding.Level.ERROR, "every stack", "(all templates)", "cfn-lint", e.getMessage()));
            return "cfn-lint: failed on " + templates.size() + " template(s)";
        }
        long lintErrors = findings.stream().filter(f -> f.level() == NagFinding.Level.ERROR).count();
        for (CfnLint.Finding finding : findings) {
            String resourcePath = Optional.ofNullable(resourcePaths.get(
                    hierarchicalIds.get(finding.template()) + " " + finding.logicalId()))
                    .orElse(finding.templatePath());
            (finding.level() == NagFinding.Level.ERROR ? errors : warnings).add(finding.toNagFinding(resourcePath));
        }
        return "cfn-lint: " + templates.size() + " template(s) linted, " + lintErrors + " error(s), "
                + (findings.size() - lintErrors) + " warning(s)";
    }

    /** The packs this gate runs, in order. */
    public List<String> packs() {
        return packs;
    }

    /** Whether the packs reached the stack at {@code hierarchicalId} (e.g. {@code Staging/Renewal}). */
    private boolean isChecked(String hierarchicalId) {
        int slash = hierarchicalId.lastIndexOf('/');
        String stage = slash < 0 ? "" : hierarchicalId.substring(0, slash);
        return checkedStages.contains(stage) || checkedStackPrefixes.stream()
                .anyMatch(prefix -> hierarchicalId.equals(prefix) || hierarchicalId.startsWith(prefix + "/"));
    }

    private static NagFinding toFinding(SynthesisMessageLevel level, String stack, String path, String text) {
        NagFinding.Level findingLevel = level == SynthesisMessageLevel.ERROR ? NagFinding.Level.ERROR : NagFinding.Level.WARNING;
        return NagAnnotation.parseFinding(text)
                .map(nag -> new NagFinding(findingLevel, stack, path, nag.qualifiedRuleId(), nag.info()))
                .orElseGet(() -> cdkFinding(findingLevel, stack, path, text));
    }

    /** A message the CDK itself raised; warnings name their acknowledgement id ({@code [ack: id]}), used as the rule. */
    private static NagFinding cdkFinding(NagFinding.Level level, String stack, String path, String text) {
        String firstLine = text.lines().findFirst().orElse("");
        Matcher ack = ACK_SUFFIX.matcher(firstLine);
        if (ack.matches()) {
            return new NagFinding(level, stack, path, ack.group(2), ack.group(1));
        }
        return new NagFinding(level, stack, path, "(cdk)", firstLine);
    }

    private static String stackOf(List<CloudFormationStackArtifact> stacks, String resourcePath) {
        return stacks.stream()
                .filter(stack -> resourcePath.startsWith("/" + stack.getHierarchicalId() + "/"))
                .map(CloudFormationStackArtifact::getDisplayName)
                .findFirst().orElse("the suppression file");
    }

    private record ResourceRef(String path, Stack stack) {
    }

    /** Options of a {@link ComplianceGate}. */
    public static final class Builder {
        private SuppressionPolicy policy = SuppressionPolicy.none();
        private boolean reports = true;
        private boolean verbose;
        private CfnLint cfnLint;
        private boolean cfnLintRequired = "true".equalsIgnoreCase(System.getenv("CI"));
        private LocalDate today = LocalDate.now(ZoneOffset.UTC);
        private TagPolicy tagPolicy = TagPolicy.none();
        private List<String> packs = NagPacks.ALL;
        private FinOpsPolicy finOps = FinOpsPolicy.defaults();

        private Builder() {
        }

        /**
         * Also lint every synthesized template with cfn-lint (see {@link CfnLint}): its errors fail the gate, its
         * warnings are listed. Default: off (cfn-lint costs seconds per run; the app and CI turn it on).
         */
        public Builder cfnLint(CfnLint lint) {
            this.cfnLint = Objects.requireNonNull(lint, "lint");
            return this;
        }

        /**
         * Whether a machine without cfn-lint fails the gate (true) or only gets a warning (false). Default: true
         * where the environment variable {@code CI} is {@code true}, so CI cannot pass without linting.
         */
        public Builder cfnLintRequired(boolean required) {
            this.cfnLintRequired = required;
            return this;
        }

        /** The justified suppressions to apply. Default: none, so every finding counts. */
        public Builder suppressions(SuppressionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether cdk-nag writes a CSV compliance report per stack and pack ({@code AwsSolutions-<stack>-NagReport.csv})
         * into the assembly directory of the stack's stage. Default: true; tests that synthesize many apps may turn
         * it off to save file I/O.
         */
        public Builder reports(boolean reports) {
            this.reports = reports;
            return this;
        }

        /** Whether messages carry cdk-nag's long explanation of each rule. Default: false (one line per finding). */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /**
         * The date construct design suppressions' expiry is judged against. Default: today (UTC). The suppression
         * file's entries are judged when the file is loaded ({@link SuppressionPolicy#load}).
         */
        public Builder today(LocalDate date) {
            this.today = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * The tag policy every taggable resource must satisfy ({@code policies/tag-policy.yaml}): a missing required
         * key or a disallowed value fails the gate. Default: none (no tag check).
         */
        public Builder requiredTags(TagPolicy policy) {
            this.tagPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The packs to run, by name ({@link NagPacks#ALL}: {@code AwsSolutions}, {@code Serverless},
         * {@code NIST.800.53.R5}, {@code PCI.DSS.321}, {@code HIPAA.Security}, {@code FinOps}). Default: all six.
         *
         * @throws IllegalArgumentException naming every unknown or repeated pack
         */
        public Builder packs(List<String> names) {
            List<String> problems = NagPacks.problemsWith(names);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            this.packs = List.copyOf(names);
            return this;
        }

        /** Levels and settings of the FinOps pack's rules. Default: every rule at error, no required tag. */
        public Builder finOps(FinOpsPolicy policy) {
            this.finOps = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public ComplianceGate build() {
            return new ComplianceGate(this);
        }
    }
}
