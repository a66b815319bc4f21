package dev.tally.audit.scan.check;

import static dev.tally.audit.scan.Fixtures.ACCOUNT;
import static dev.tally.audit.scan.Fixtures.FULL_TAGS;
import static dev.tally.audit.scan.Fixtures.daysAgo;
import static dev.tally.audit.scan.Fixtures.defaultPolicy;
import static dev.tally.audit.scan.Fixtures.instance;
import static dev.tally.audit.scan.Fixtures.inventory;
import static dev.tally.audit.scan.Fixtures.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.InstanceState;
import dev.tally.audit.scan.model.PolicyStatus;
import dev.tally.audit.scan.model.TaggedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("untagged")
class UntaggedResourceCheckTest {
    private final UntaggedResourceCheck check = new UntaggedResourceCheck();

    @Test
    @DisplayName("a never-tagged instance (seen only by DescribeInstances) is reported with every missing key")
    void neverTaggedInstance() {
        var bare = instance("i-bare", "t3.micro", InstanceState.RUNNING, daysAgo(5), Map.of(), null);
        assertThat(check.evaluate(inventory(List.of(region(List.of(bare), List.of(), List.of(), List.of())), List.of()),
                defaultPolicy())).singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo("never tagged; missing tally:owner, tally:cost-center, "
                            + "tally:environment, tally:application");
                    assertThat(f.resourceType()).isEqualTo("ec2:instance");
                    assertThat(f.costBasis()).isInstanceOf(CostBasis.NotApplicable.class);
                });
    }

    @Test
    @DisplayName("keys match ignoring case, a blank value counts as missing, a value off the allowed list is invalid")
    void keyCaseBlankAndAllowedValues() {
        var shouty = instance("i-shouty", "t3.micro", InstanceState.RUNNING, daysAgo(5), Map.of("Tally:Owner", "ops",
                "TALLY:COST-CENTER", "cc-1", "tally:environment", "PROD", "tally:application", "x"), null);
        var blank = instance("i-blank", "t3.micro", InstanceState.RUNNING, daysAgo(5), Map.of("tally:owner", " ",
                "tally:cost-center", "cc-1", "tally:environment", "qa", "tally:application", "x"), null);

        assertThat(check.evaluate(inventory(List.of(region(List.of(shouty, blank), List.of(), List.of(), List.of())),
                List.of()), defaultPolicy())).singleElement().satisfies(f -> {
                    assertThat(f.resourceId()).isEqualTo("i-blank");
                    assertThat(f.reason()).isEqualTo("missing tally:owner; invalid tally:environment='qa' (allowed: "
                            + "dev, staging, prod)");
                });
    }

    @Test
    @DisplayName("Tagging API resources of any type are judged; per-type exemptions apply; a resource seen twice counts once")
    void taggingApiAndApplicability() {
        var tagged = instance("i-1", "t3.micro", InstanceState.RUNNING, daysAgo(5), Map.of("tally:owner", "a"), null);
        var sameInstanceFromTaggingApi = new TaggedResource(tagged.arn(), Map.of("tally:owner", "a"));
        var queue = new TaggedResource("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":renewals", Map.of("tally:owner", "a",
                "tally:cost-center", "c", "tally:environment", "dev"));
        Bucket bucketWithoutApplication = new Bucket("logs", ACCOUNT, "eu-west-1", daysAgo(9), Optional.empty(),
                PolicyStatus.NO_POLICY, List.of(), Map.of("tally:owner", "a", "tally:cost-center", "c",
                "tally:environment", "dev"));

        List<Finding> findings = check.evaluate(inventory(
                List.of(region(List.of(tagged), List.of(), List.of(), List.of(sameInstanceFromTaggingApi, queue))),
                List.of(new AccountInventory(ACCOUNT, Optional.empty(), List.of(bucketWithoutApplication), List.of()))),
                defaultPolicy());

        assertThat(findings).extracting(Finding::resourceId, Finding::resourceType, Finding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("i-1", "ec2:instance",
                        "missing tally:cost-center, tally:environment, tally:application"),
                org.assertj.core.groups.Tuple.tuple("renewals", "sqs", "missing tally:application"));
    }

    @Test
    @DisplayName("fully tagged resources and terminated instances are not reported")
    void compliant() {
        var good = instance("i-good", "t3.micro", InstanceState.RUNNING, daysAgo(5), FULL_TAGS, null);
        var gone = instance("i-gone", "t3.micro", InstanceState.TERMINATED, daysAgo(5), Map.of(), null);
        assertThat(check.evaluate(inventory(List.of(region(List.of(good, gone), List.of(), List.of(), List.of())),
                List.of()), defaultPolicy())).isEmpty();
    }
}
