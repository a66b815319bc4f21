package dev.tally.audit.scan.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallCost;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.common.aws.ApiCallLedger.ApiCall;
import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.account.AwsAccountDirectory;
import dev.tally.audit.scan.collect.pricing.PriceListFetcher;
import dev.tally.audit.scan.collect.wire.GetMetricDataTransformer;
import dev.tally.audit.scan.collect.wire.MetricSource;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.LoadBalancer;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.AccountSession;
import dev.tally.audit.scan.run.CollectionException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole organisation scanned once through the real adapters against WireMock (accounts from Organizations, roles
 * assumed, every enabled region concurrently, S3, CloudWatch, Tagging, a price refresh), then checked for what it
 * collected, what it reported as failed, and which IAM actions it needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Full scan against WireMock: inventory, per-region failures and the least-privilege policy")
class FullScanTest {
    private static final LocalDate LAST_DAY = LocalDate.parse("2025-03-14");
    /** CPU 1% on days with data for every instance except i-0ccc (stopped: no datapoints); no LB traffic at all. */
    private static final MetricSource METRICS = (namespace, metric, dimensions, stat, start, end, period) -> {
        SortedMap<Instant, Double> points = new TreeMap<>();
        if (namespace.equals("AWS/EC2") && !dimensions.getOrDefault("InstanceId", "").startsWith("i-0ccc")) {
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(period)) {
                points.put(t, metric.equals("CPUUtilization") ? 1.0 : 1_000.0);
            }
        }
        return points;
    };

    private final GetMetricDataTransformer cloudWatch = new GetMetricDataTransformer(WireMockAws.BODIES, METRICS, 500);
    private final WireMockServer server = WireMockAws.server(cloudWatch);
    private final ApiCallLedger ledger = new ApiCallLedger();
    private final List<RegionInventory> regions = Collections.synchronizedList(new ArrayList<>());
    private final List<AccountInventory> accounts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lostRegions = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void scanOnce() {
        server.start();
        FullScanFixture.stub(server);
        AwsSettings settings = WireMockAws.settings(server, ledger, 2);
        CollectionScope scope = new CollectionScope(true, 14, true, 14, true, true, LAST_DAY);
        var selection = new AccountSelection(AccountSelection.Mode.ORGANIZATION, List.of(),
                Optional.of("TallyScanReadOnly"));
        AwsInventoryCollector collector = new AwsInventoryCollector(4);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (AwsAccountDirectory directory = new AwsAccountDirectory(selection, settings, "us-east-1")) {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (AuditAccount account : directory.accounts()) {
                AccountSession session = directory.open(account);
                work.add(CompletableFuture.runAsync(() ->
                        accounts.add(collector.collectAccount(session, "us-east-1", scope)), pool));
                for (String region : collector.enabledRegions(session, "us-east-1")) {
                    work.add(CompletableFuture.runAsync(() -> {
                        try {
                            regions.add(collector.collectRegion(session, region, scope));
                        } catch (CollectionException e) {
                            lostRegions.add(account.accountId() + "/" + region + " " + e.service() + ": "
                                    + e.getMessage());
                        }
                    }, pool));
                }
            }
            work.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        try (var pricing = new ServiceClients(settings).pricing()) {
            assertThat(new PriceListFetcher(pricing).fetch(Set.of("eu-west-1"))).isNotEmpty();
        }
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    @DisplayName("both active accounts are scanned in every enabled region that allows it")
    void scansEveryAccountAndRegion() {
        assertThat(regions).extracting(r -> r.accountId() + "/" + r.region()).containsExactlyInAnyOrder(
                "111122223333/eu-west-1", "111122223333/us-east-1",
                "444455556666/eu-west-1", "444455556666/us-east-1");
        assertThat(accounts).extracting(AccountInventory::accountId)
                .containsExactlyInAnyOrder("111122223333", "444455556666");
    }

    @Test
    @DisplayName("a region that denies everything is lost on its own, naming account, region, service, operation, code")
    void deniedRegionIsCaptured() {
        assertThat(lostRegions).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("/af-south-1 Ec2: UnauthorizedOperation on Ec2:DescribeInstances"));
        assertThat(lostRegions).anySatisfy(line -> assertThat(line).startsWith("444455556666/af-south-1"));
    }

    @Test
    @DisplayName("instances carry daily CPU where CloudWatch had data and nothing where it had none")
    void instanceMetrics() {
        RegionInventory region = regions.get(0);
        Ec2Instance running = region.instances().stream()
                .filter(i -> i.instanceId().equals("i-0aaa1111bbbb2222c")).findFirst().orElseThrow();
        Ec2Instance stopped = region.instances().stream()
                .filter(i -> i.instanceId().equals("i-0ccc3333dddd4444e")).findFirst().orElseThrow();
        assertThat(running.metrics().orElseThrow().days()).hasSize(14)
                .allSatisfy((day, value) -> {
                    assertThat(value.averageCpuPercent()).isEqualTo(1.0);
                    assertThat(value.networkBytes()).isEqualTo(2_000.0);
                });
        assertThat(running.metrics().orElseThrow().firstDay()).isEqualTo(LAST_DAY.minusDays(13));
        assertThat(stopped.metrics().orElseThrow().days()).isEmpty();
        assertThat(region.failures()).isEmpty();
    }

    @Test
    @DisplayName("load balancers without CloudWatch datapoints get a series with no days (zero traffic is the checks' call)")
    void loadBalancerTraffic() {
        RegionInventory region = regions.get(0);
        assertThat(region.loadBalancers()).hasSize(3).allSatisfy(lb ->
                assertThat(lb.traffic()).hasValueSatisfying(t -> assertThat(t.days()).isEmpty()));
        assertThat(region.loadBalancers()).extracting(LoadBalancer::name)
                .contains("web-alb", "orphan-nlb", "legacy-clb");
        assertThat(region.taggedResources()).hasSize(3);
    }

    @Test
    @DisplayName("each account's S3 part has its buckets and the account-level Block Public Access")
    void accountInventory() {
        assertThat(accounts).allSatisfy(account -> {
            assertThat(account.buckets()).hasSize(2);
            assertThat(account.accountBlockPublicAccess()).isPresent();
            assertThat(account.failures()).isEmpty();
        });
    }

    @Test
    @DisplayName("every SDK operation the scan made maps to an IAM action in the policy, and the policy has no unused action")
    void leastPrivilege() throws IOException {
        Set<ApiCall> calls = ledger.snapshot().keySet();
        Set<String> unmapped = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (ApiCall call : calls) {
            IamActionMapping.actionFor(call).ifPresentOrElse(action -> {
                if (!action.equals(IamActionMapping.NO_PERMISSION_NEEDED)) {
                    used.add(action);
                }
            }, () -> unmapped.add(call.toString()));
        }
        assertThat(unmapped).as("SDK operations with no IAM mapping: add them to IamActionMapping").isEmpty();

        Set<String> granted = policyActions("tally-scan-readonly.json");
        assertThat(new TreeSet<>(used)).as("actions the scan needs but the policy lacks")
                .isSubsetOf(granted);
        assertThat(granted).as("policy actions the scan never used").isSubsetOf(used);

        Set<String> member = policyActions("tally-scan-member-readonly.json");
        Set<String> inventoryOnly = new TreeSet<>(used);
        inventoryOnly.removeAll(Set.of("organizations:ListAccounts", "sts:AssumeRole", "pricing:GetProducts"));
        assertThat(member).isEqualTo(inventoryOnly);
    }

    @Test
    @DisplayName("the call ledger prices the scan: only GetMetricData costs money, per metric requested")
    void apiCallCost() {
        ApiCallCost cost = ApiCallCost.of(ledger);
        // 2 accounts x 2 regions: 3 instances x 3 metrics + 3 load balancers x 2 metrics = 15 metrics each.
        assertThat(ledger.metricsRequested()).isEqualTo(4 * 15);
        assertThat(cost.costByService()).containsOnlyKeys("CloudWatch");
        assertThat(cost.totalUsd()).isEqualByComparingTo("0.0006");
        assertThat(cost.totalCalls()).isEqualTo(ledger.total());
        assertThat(cloudWatch.queriesPerCall()).hasSize(8);
    }

    private static Set<String> policyActions(String file) throws IOException {
        Path policy = Path.of(System.getProperty("user.dir")).resolve("../../policies/iam").resolve(file).normalize();
        JsonNode root = new ObjectMapper().readTree(policy.toFile());
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : root.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        assertThat(actions).noneMatch(a -> a.contains("*"));
        return actions;
    }
}
