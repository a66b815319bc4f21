package dev.tally.audit.scan.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.scan.check.CostBasis;
import dev.tally.audit.scan.model.LoadBalancerType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pricing")
class PricingTest {
    private static final List<String> MAJOR_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-1", "ap-northeast-1");
    @TempDir
    Path dir;

    @Test
    @DisplayName("the bundled table states its snapshot date and source, and covers Graviton and x86 families and every LB type in 6 regions")
    void bundledTableCoverage() {
        PriceTable table = PriceTableFile.bundled();
        assertThat(table.snapshotDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(table.source()).contains("not fetched from the Price List API");
        for (String region : MAJOR_REGIONS) {
            for (String type : List.of("t3.micro", "t4g.small", "m5.large", "m6i.xlarge", "m6g.large", "m7g.2xlarge",
                    "c5.large", "c6g.large", "c7g.xlarge", "r5.large", "r6g.large", "r7g.4xlarge")) {
                assertThat(table.price(PriceKind.EC2_INSTANCE_HOUR, region, type)).as(type + " in " + region).isPresent();
            }
            for (LoadBalancerType lb : LoadBalancerType.values()) {
                assertThat(table.price(PriceKind.LOAD_BALANCER_HOUR, region, lb.wireName())).isPresent();
                assertThat(table.price(PriceKind.LOAD_BALANCER_CAPACITY_UNIT_HOUR, region, lb.wireName())).isPresent();
            }
        }
        assertThat(table.price(PriceKind.EC2_INSTANCE_HOUR, "us-east-1", "m5.large")).contains(new BigDecimal("0.096"));
        // Graviton is the cheaper choice in every region, which is what the idle recommendation relies on.
        for (String region : MAJOR_REGIONS) {
            assertThat(table.price(PriceKind.EC2_INSTANCE_HOUR, region, "m6g.large").orElseThrow())
                    .isLessThan(table.price(PriceKind.EC2_INSTANCE_HOUR, region, "m5.large").orElseThrow());
        }
    }

    @Test
    @DisplayName("monthly = hourly × 730, region-aware")
    void monthlyIsHourlyTimes730() {
        Pricer pricer = new Pricer(PriceTableFile.bundled());
        CostEstimate east = pricer.estimate(new CostBasis.InstanceHours("m5.large", "us-east-1", Optional.of("Linux/UNIX"), false));
        CostEstimate frankfurt = pricer.estimate(new CostBasis.InstanceHours("m5.large", "eu-central-1", Optional.empty(), false));
        assertThat(east).isEqualTo(new CostEstimate.Monthly(new BigDecimal("70.08"), new BigDecimal("0.096"), ""));
        assertThat(frankfurt.monthlyUsd()).isGreaterThan(east.monthlyUsd());
        assertThat(pricer.estimate(new CostBasis.LoadBalancerHours(LoadBalancerType.APPLICATION, "us-east-1")).monthlyUsd())
                .isEqualByComparingTo("16.43");
    }

    @Test
    @DisplayName("an unknown type or region is 'unknown' (not $0) and says which price is missing")
    void unknownIsNotZero() {
        Pricer pricer = new Pricer(PriceTableFile.bundled());
        assertThat(pricer.estimate(new CostBasis.InstanceHours("x9z.huge", "us-east-1", Optional.empty(), false)))
                .isInstanceOfSatisfying(CostEstimate.Unknown.class, u -> assertThat(u.why())
                        .startsWith("no EC2 on-demand price for x9z.huge in us-east-1"));
        assertThat(pricer.estimate(new CostBasis.InstanceHours("m5.large", "af-south-1", Optional.empty(), false)))
                .isInstanceOf(CostEstimate.Unknown.class);
        assertThat(pricer.estimate(new CostBasis.NotApplicable("exposure, not spend")))
                .isEqualTo(new CostEstimate.NotApplicable("exposure, not spend"));
    }

    @Test
    @DisplayName("Spot and non-Linux instances carry a caveat")
    void caveats() {
        Pricer pricer = new Pricer(PriceTableFile.bundled());
        CostEstimate spotWindows = pricer.estimate(new CostBasis.InstanceHours("m5.large", "us-east-1", Optional.of("Windows"), true));
        assertThat(spotWindows).isInstanceOfSatisfying(CostEstimate.Monthly.class, m -> assertThat(m.caveat())
                .contains("Spot").contains("Windows: priced as Linux"));
    }

    @Test
    @DisplayName("a dedicated instance is priced as shared tenancy and says so")
    void dedicatedTenancy() {
        CostEstimate dedicated = new Pricer(PriceTableFile.bundled()).estimate(
                new CostBasis.InstanceHours("m5.large", "us-east-1", Optional.of("Linux/UNIX"), false, "dedicated"));
        assertThat(dedicated).isInstanceOfSatisfying(CostEstimate.Monthly.class, m -> assertThat(m.caveat())
                .isEqualTo("dedicated tenancy: priced as shared tenancy, so the saving is a floor"));
    }

    @Test
    @DisplayName("a table written from fetched entries reads back identically")
    void writeThenLoad() {
        PriceTable fetched = new PriceTable(LocalDate.of(2026, 12, 1), "AWS Price List API", List.of(
                new PriceEntry(PriceKind.EC2_INSTANCE_HOUR, "eu-west-1", "m7g.large", new BigDecimal("0.0892")),
                new PriceEntry(PriceKind.LOAD_BALANCER_HOUR, "eu-west-1", "application", new BigDecimal("0.0252"))));
        Path file = dir.resolve("prices.json");
        PriceTableFile.write(fetched, file);
        PriceTable loaded = PriceTableFile.load(file);
        assertThat(loaded.snapshotDate()).isEqualTo(fetched.snapshotDate());
        assertThat(loaded.index()).isEqualTo(fetched.index());
        assertThat(dir.toFile().list()).containsExactly("prices.json");
    }

    @Test
    @DisplayName("an invalid table file is a usage error naming the file and the bad entries")
    void invalidTable() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                {"snapshotDate": "yesterday", "prices": {"EC2_INSTANCE_HOUR": {"us-east-1": {"m5.large": -1}}, "GOLD": {}}}
                """);
        assertThatThrownBy(() -> PriceTableFile.load(file)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining(file + ": snapshotDate must be a date")
                .hasMessageContaining("prices.EC2_INSTANCE_HOUR.us-east-1.m5.large must be a non-negative number")
                .hasMessageContaining("unknown price kind 'GOLD'");
    }
}
