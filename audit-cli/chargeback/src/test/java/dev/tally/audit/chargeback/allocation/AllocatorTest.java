package dev.tally.audit.chargeback.allocation;

import static dev.tally.audit.chargeback.allocation.Rows.COST_CENTER;
import static dev.tally.audit.chargeback.allocation.Rows.OWNER;
import static dev.tally.audit.chargeback.allocation.Rows.SHARED_ACCOUNT;
import static dev.tally.audit.chargeback.allocation.Rows.kind;
import static dev.tally.audit.chargeback.allocation.Rows.row;
import static dev.tally.audit.chargeback.allocation.Rows.tagged;
import static dev.tally.audit.chargeback.allocation.Rows.untagged;
import static dev.tally.audit.chargeback.allocation.Rows.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Allocating a month among owners (hand-computed cases)")
class AllocatorTest {
    private static final String EC2 = "Amazon Elastic Compute Cloud";
    private static final String S3 = "Amazon Simple Storage Service";
    private static final String SUPPORT = "AWS Support (Business)";
    private static final String TAX = "Tax";

    private static AllocationRules rules(List<SharedCostRule> shared, Optional<Split> untagged) {
        return new AllocationRules(List.of(COST_CENTER, OWNER), OwnerNames.defaults(), Map.of(), shared, untagged);
    }

    private static AllocationRules plain() {
        return rules(List.of(), Optional.empty());
    }

    private static SharedCostRule sharedKind(String name, ChargeKind kind, Split split) {
        return new SharedCostRule(name, Set.of(kind), Set.of(), Set.of(), split);
    }

    private static BigDecimal amount(Allocation allocation, String owner, String service, AllocationBasis basis) {
        return allocation.lines().stream()
                .filter(l -> l.owner().equals(owner) && l.service().equals(service) && l.basis() == basis)
                .map(AllocatedLine::amount).findFirst().orElse(BigDecimal.ZERO.setScale(2));
    }

    private static BigDecimal ownerTotal(Allocation allocation, String owner) {
        return allocation.lines().stream().filter(l -> l.owner().equals(owner)).map(AllocatedLine::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal linesTotal(Allocation allocation) {
        return allocation.lines().stream().map(AllocatedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Nested
    @DisplayName("direct, tagged cost")
    class Direct {
        @Test
        @DisplayName("each owner carries its own tagged usage, per service")
        void taggedUsage() {
            Allocation a = new Allocator(plain()).allocate(List.of(usage("payments", EC2, "60.00"),
                    usage("payments", S3, "5.25"), usage("search", EC2, "40.00")));

            assertThat(amount(a, "payments", EC2, AllocationBasis.DIRECT)).isEqualByComparingTo("60.00");
            assertThat(amount(a, "payments", S3, AllocationBasis.DIRECT)).isEqualByComparingTo("5.25");
            assertThat(amount(a, "search", EC2, AllocationBasis.DIRECT)).isEqualByComparingTo("40.00");
            assertThat(a.total()).isEqualByComparingTo("105.25");
            assertThat(a.unallocated()).isEqualByComparingTo("0.00");
        }

        @Test
        @DisplayName("the first owner tag with a value wins; the next key is the fallback")
        void orderedTagFallback() {
            Allocation a = new Allocator(plain()).allocate(List.of(
                    tagged(Map.of(COST_CENTER, "payments", OWNER, "search"), EC2, "10.00"),
                    tagged(Map.of(OWNER, "search"), EC2, "4.00"),
                    tagged(Map.of(COST_CENTER, "  ", OWNER, "search"), EC2, "1.00")));

            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("10.00");
            assertThat(ownerTotal(a, "search")).isEqualByComparingTo("5.00");
        }

        @Test
        @DisplayName("values are trimmed, case-folded and mapped through aliases")
        void aliasesAndCaseFolding() {
            OwnerNames names = new OwnerNames(true, true, Map.of("payments-team", "payments", "pay", "payments"),
                    Set.of("none"));
            AllocationRules withAliases = new AllocationRules(List.of(COST_CENTER), names, Map.of(), List.of(),
                    Optional.empty());

            Allocation a = new Allocator(withAliases).allocate(List.of(usage(" Payments ", EC2, "1.00"),
                    usage("PAYMENTS-TEAM", EC2, "2.00"), usage("pay", EC2, "3.00"), usage("None", EC2, "7.00")));

            assertThat(amount(a, "payments", EC2, AllocationBasis.DIRECT)).isEqualByComparingTo("6.00");
            assertThat(a.lines()).extracting(AllocatedLine::owner).containsOnly("payments", AllocationRules.UNALLOCATED);
            assertThat(amount(a, AllocationRules.UNALLOCATED, EC2, AllocationBasis.UNTAGGED))
                    .isEqualByComparingTo("7.00");
        }

        @Test
        @DisplayName("a tagged credit and a tagged refund reduce that owner's bill")
        void taggedCreditsAndRefunds() {
            Allocation a = new Allocator(plain()).allocate(List.of(usage("payments", EC2, "100.00"),
                    kind(ChargeKind.CREDIT, "payments", EC2, "-30.00"), kind(ChargeKind.REFUND, "payments", S3, "-5.00"),
                    usage("search", EC2, "20.00")));

            assertThat(amount(a, "payments", EC2, AllocationBasis.DIRECT)).isEqualByComparingTo("70.00");
            assertThat(amount(a, "payments", S3, AllocationBasis.DIRECT)).isEqualByComparingTo("-5.00");
            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("65.00");
            assertThat(a.total()).isEqualByComparingTo("85.00");
        }

        @Test
        @DisplayName("Savings Plan / RI covered usage follows its tags; untagged commitment fees stay unallocated")
        void amortizedCommitments() {
            Allocation a = new Allocator(plain()).allocate(List.of(
                    kind(ChargeKind.DISCOUNTED_USAGE, "payments", EC2, "42.10"),
                    kind(ChargeKind.DISCOUNTED_USAGE, "search", EC2, "17.90"),
                    kind(ChargeKind.COMMITMENT_FEE, null, "Savings Plans for AWS Compute usage", "8.00")));

            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("42.10");
            assertThat(ownerTotal(a, "search")).isEqualByComparingTo("17.90");
            assertThat(a.unallocated()).isEqualByComparingTo("8.00");
        }

        @Test
        @DisplayName("a tag value literally '(unallocated)' does not impersonate the unallocated line")
        void pseudoOwnerCannotBeTagged() {
            Allocation a = new Allocator(plain()).allocate(List.of(usage("(Unallocated)", EC2, "3.00"),
                    usage("payments", EC2, "1.00")));

            assertThat(amount(a, AllocationRules.UNALLOCATED, EC2, AllocationBasis.UNTAGGED)).isEqualByComparingTo("3.00");
            assertThat(amount(a, AllocationRules.UNALLOCATED, EC2, AllocationBasis.DIRECT)).isZero();
        }
    }

    @Nested
    @DisplayName("untagged cost")
    class Untagged {
        @Test
        @DisplayName("by default stays visible as (unallocated), and is reported as untagged spend")
        void keptVisible() {
            Allocation a = new Allocator(plain()).allocate(List.of(usage("payments", EC2, "90.00"),
                    untagged(S3, "10.00")));

            assertThat(amount(a, AllocationRules.UNALLOCATED, S3, AllocationBasis.UNTAGGED)).isEqualByComparingTo("10.00");
            assertThat(a.unallocated()).isEqualByComparingTo("10.00");
            assertThat(a.untaggedSpend()).isEqualByComparingTo("10.00");
        }

        @Test
        @DisplayName("split proportionally: 75/25 direct spend takes 7.50/2.50 of $10.00 untagged")
        void proportional() {
            Allocation a = new Allocator(rules(List.of(), Optional.of(Split.proportional()))).allocate(List.of(
                    usage("payments", EC2, "75.00"), usage("search", EC2, "25.00"), untagged(S3, "10.00")));

            assertThat(amount(a, "payments", S3, AllocationBasis.UNTAGGED)).isEqualByComparingTo("7.50");
            assertThat(amount(a, "search", S3, AllocationBasis.UNTAGGED)).isEqualByComparingTo("2.50");
            assertThat(a.unallocated()).isEqualByComparingTo("0.00");
            assertThat(a.untaggedSpend()).isEqualByComparingTo("10.00");
        }

        @Test
        @DisplayName("an untagged credit is split by the untagged rule: -$10.00 evenly is -3.33 / -3.33 / -3.34")
        void untaggedCreditEven() {
            Allocation a = new Allocator(rules(List.of(), Optional.of(Split.even()))).allocate(List.of(
                    usage("a", EC2, "10.00"), usage("b", EC2, "10.00"), usage("c", EC2, "10.00"),
                    kind(ChargeKind.CREDIT, null, EC2, "-10.00")));

            // -3.333.. floors to -3.34 each (-10.02); two cents come back to the first two names.
            assertThat(amount(a, "a", EC2, AllocationBasis.UNTAGGED)).isEqualByComparingTo("-3.33");
            assertThat(amount(a, "b", EC2, AllocationBasis.UNTAGGED)).isEqualByComparingTo("-3.33");
            assertThat(amount(a, "c", EC2, AllocationBasis.UNTAGGED)).isEqualByComparingTo("-3.34");
            assertThat(linesTotal(a)).isEqualByComparingTo("20.00");
        }

        @Test
        @DisplayName("fixed: all untagged usage goes to the named owner")
        void fixed() {
            Allocation a = new Allocator(rules(List.of(), Optional.of(Split.fixed("platform")))).allocate(List.of(
                    usage("payments", EC2, "5.00"), untagged(EC2, "2.50"), untagged(S3, "0.50")));

            assertThat(ownerTotal(a, "platform")).isEqualByComparingTo("3.00");
            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("5.00");
        }
    }

    @Test
    @DisplayName("untagged spend is rounded with the lines: it equals the (unallocated) untagged lines to the cent")
    void untaggedSpendMatchesLines() {
        // 0.013 -> 0.01, and the one cent goes to the larger remainder (payments' 0.007), so the untagged 0.006
        // shows as 0.00 everywhere, not 0.01 in the headline and 0.00 in the lines.
        Allocation a = new Allocator(plain()).allocate(List.of(usage("payments", EC2, "0.007"),
                untagged(S3, "0.006")));

        assertThat(a.unallocated()).isEqualByComparingTo("0.00");
        assertThat(a.untaggedSpend()).isEqualByComparingTo("0.00");
        assertThat(linesTotal(a)).isEqualByComparingTo("0.01");
    }

    @Nested
    @DisplayName("shared cost")
    class Shared {
        @Test
        @DisplayName("$100.00 of support split 3 ways proportional to equal spend: 33.34 / 33.33 / 33.33")
        void supportThreeWays() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional())),
                    Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("analytics", EC2, "10.00"),
                    usage("payments", EC2, "10.00"), usage("search", EC2, "10.00"),
                    kind(ChargeKind.SUPPORT, null, SUPPORT, "100.00")));

            assertThat(amount(a, "analytics", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("33.34");
            assertThat(amount(a, "payments", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("33.33");
            assertThat(amount(a, "search", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("33.33");
            assertThat(linesTotal(a)).isEqualByComparingTo("130.00");
            assertThat(a.pools()).contains(new PoolSummary("support", "proportional", new BigDecimal("100.00"), 3, false));
        }

        @Test
        @DisplayName("support and tax proportional to direct spend 300/100: 7.50/2.50 and 1.50/0.50")
        void supportAndTaxProportional() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional()),
                    sharedKind("tax", ChargeKind.TAX, Split.proportional())), Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("payments", EC2, "300.00"),
                    usage("search", EC2, "100.00"), kind(ChargeKind.SUPPORT, null, SUPPORT, "10.00"),
                    kind(ChargeKind.TAX, null, TAX, "2.00")));

            assertThat(amount(a, "payments", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("7.50");
            assertThat(amount(a, "search", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("2.50");
            assertThat(amount(a, "payments", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("1.50");
            assertThat(amount(a, "search", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("0.50");
        }

        @Test
        @DisplayName("the proportional base is net direct spend: an owner whose credits exceed usage takes no share")
        void proportionalIgnoresNonPositiveSpend() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional())),
                    Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("payments", EC2, "50.00"),
                    usage("search", EC2, "5.00"), kind(ChargeKind.CREDIT, "search", EC2, "-8.00"),
                    kind(ChargeKind.SUPPORT, null, SUPPORT, "9.99")));

            assertThat(amount(a, "payments", SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("9.99");
            assertThat(amount(a, "search", SUPPORT, AllocationBasis.SHARED)).isZero();
            assertThat(ownerTotal(a, "search")).isEqualByComparingTo("-3.00");
        }

        @Test
        @DisplayName("tax split evenly among owners: $10.00 → 3.34 / 3.33 / 3.33, leftover cent by owner name")
        void taxEven() {
            AllocationRules r = rules(List.of(sharedKind("tax", ChargeKind.TAX, Split.even())), Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("zeta", EC2, "1.00"), usage("alpha", EC2, "500.00"),
                    usage("mid", EC2, "20.00"), kind(ChargeKind.TAX, null, TAX, "10.00")));

            assertThat(amount(a, "alpha", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("3.34");
            assertThat(amount(a, "mid", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("3.33");
            assertThat(amount(a, "zeta", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("3.33");
        }

        @Test
        @DisplayName("'among' limits an even split to the named owners")
        void evenAmong() {
            AllocationRules r = rules(List.of(sharedKind("tax", ChargeKind.TAX, Split.even().among(List.of("a", "b")))),
                    Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("a", EC2, "1.00"), usage("b", EC2, "1.00"),
                    usage("c", EC2, "1.00"), kind(ChargeKind.TAX, null, TAX, "1.00")));

            assertThat(amount(a, "a", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("0.50");
            assertThat(amount(a, "b", TAX, AllocationBasis.SHARED)).isEqualByComparingTo("0.50");
            assertThat(ownerTotal(a, "c")).isEqualByComparingTo("1.00");
        }

        @Test
        @DisplayName("chosen services go to a fixed owner")
        void fixedServices() {
            SharedCostRule security = new SharedCostRule("security-tooling", Set.of(), Set.of(),
                    Set.of("AWS CloudTrail", "amazon guardduty"), Split.fixed("security"));
            Allocation a = new Allocator(rules(List.of(security), Optional.empty())).allocate(List.of(
                    usage("payments", "AWS CloudTrail", "4.00"), untagged("Amazon GuardDuty", "6.00"),
                    usage("payments", EC2, "1.00")));

            assertThat(ownerTotal(a, "security")).isEqualByComparingTo("10.00");
            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("1.00");
        }

        @Test
        @DisplayName("a shared account's costs are shared even when tagged (the shared rule wins over tags)")
        void sharedAccount() {
            SharedCostRule network = new SharedCostRule("shared-network", Set.of(), Set.of(SHARED_ACCOUNT), Set.of(),
                    Split.even());
            Allocation a = new Allocator(rules(List.of(network), Optional.empty())).allocate(List.of(
                    usage("payments", EC2, "10.00"), usage("search", EC2, "10.00"),
                    row(SHARED_ACCOUNT, "Amazon Virtual Private Cloud", ChargeKind.USAGE, Map.of(COST_CENTER, "payments"),
                            "8.00")));

            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("14.00");
            assertThat(ownerTotal(a, "search")).isEqualByComparingTo("14.00");
        }

        @Test
        @DisplayName("amortized SP/RI commitment fees can be shared by kind, proportionally")
        void commitmentFeesShared() {
            AllocationRules r = rules(List.of(sharedKind("unused-commitments", ChargeKind.COMMITMENT_FEE,
                    Split.proportional())), Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(kind(ChargeKind.DISCOUNTED_USAGE, "payments", EC2, "60.00"),
                    kind(ChargeKind.DISCOUNTED_USAGE, "search", EC2, "20.00"),
                    kind(ChargeKind.COMMITMENT_FEE, null, "Savings Plans for AWS Compute usage", "4.00")));

            assertThat(ownerTotal(a, "payments")).isEqualByComparingTo("63.00");
            assertThat(ownerTotal(a, "search")).isEqualByComparingTo("21.00");
        }

        @Test
        @DisplayName("the first matching rule takes a row: support is not also counted as tax")
        void firstRuleWins() {
            SharedCostRule supportFixed = new SharedCostRule("support", Set.of(ChargeKind.SUPPORT), Set.of(), Set.of(),
                    Split.fixed("platform"));
            SharedCostRule anyInApp = new SharedCostRule("app-account", Set.of(), Set.of(Rows.APP_ACCOUNT), Set.of(),
                    Split.fixed("finance"));
            Allocation a = new Allocator(rules(List.of(supportFixed, anyInApp), Optional.empty()))
                    .allocate(List.of(kind(ChargeKind.SUPPORT, null, SUPPORT, "5.00")));

            assertThat(ownerTotal(a, "platform")).isEqualByComparingTo("5.00");
            assertThat(ownerTotal(a, "finance")).isZero();
        }

        @Test
        @DisplayName("a proportional pool with no direct spend to base it on stays unallocated, with a note")
        void nothingToBeProportionalTo() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional())),
                    Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(untagged(EC2, "3.00"),
                    kind(ChargeKind.SUPPORT, null, SUPPORT, "29.00")));

            assertThat(amount(a, AllocationRules.UNALLOCATED, SUPPORT, AllocationBasis.SHARED)).isEqualByComparingTo("29.00");
            assertThat(a.notes()).singleElement().asString().contains("'support' (29.00) could not be split");
            assertThat(a.unallocated()).isEqualByComparingTo("32.00");
        }
    }

    @Nested
    @DisplayName("rounding and determinism")
    class Rounding {
        @Test
        @DisplayName("sub-cent rows round so the lines add up to the month total to the cent")
        void subCentRows() {
            Allocation a = new Allocator(plain()).allocate(List.of(usage("a", EC2, "0.333"), usage("b", EC2, "0.333"),
                    usage("c", EC2, "0.333")));

            // 0.999 -> 1.00; each 0.333 floors to 0.33 and the one missing cent goes to 'a' (equal remainders).
            assertThat(a.total()).isEqualByComparingTo("1.00");
            assertThat(linesTotal(a)).isEqualByComparingTo("1.00");
            assertThat(ownerTotal(a, "a")).isEqualByComparingTo("0.34");
            assertThat(ownerTotal(a, "b")).isEqualByComparingTo("0.33");
        }

        @Test
        @DisplayName("the same rows in any order give the same lines")
        void orderIndependent() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional()),
                    sharedKind("tax", ChargeKind.TAX, Split.even())), Optional.of(Split.proportional()));
            List<CostRow> rows = new ArrayList<>();
            Random random = new Random(42);
            String[] owners = {"payments", "search", "analytics", "checkout"};
            for (int i = 0; i < 200; i++) {
                String amount = BigDecimal.valueOf(random.nextInt(1_000_000), 4).toPlainString();
                rows.add(i % 7 == 0 ? untagged(S3, amount) : usage(owners[i % owners.length], i % 2 == 0 ? EC2 : S3, amount));
            }
            rows.add(kind(ChargeKind.SUPPORT, null, SUPPORT, "123.457"));
            rows.add(kind(ChargeKind.TAX, null, TAX, "10.001"));
            Allocation first = new Allocator(r).allocate(rows);
            List<CostRow> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, new Random(7));

            Allocation second = new Allocator(r).allocate(shuffled);

            assertThat(second.lines()).isEqualTo(first.lines());
            assertThat(linesTotal(first)).isEqualByComparingTo(first.total());
            BigDecimal rowSum = rows.stream().map(CostRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(first.total()).isEqualByComparingTo(CentApportionment.toCents(rowSum));
        }

        @Test
        @DisplayName("a pool's shares add up to the pool's amount as reported, to the cent")
        void poolSharesAddUpToPool() {
            AllocationRules r = rules(List.of(sharedKind("support", ChargeKind.SUPPORT, Split.proportional()),
                    sharedKind("tax", ChargeKind.TAX, Split.even())), Optional.empty());
            Allocation a = new Allocator(r).allocate(List.of(usage("a", EC2, "1.004"), usage("b", EC2, "2.003"),
                    usage("c", EC2, "3.002"), kind(ChargeKind.SUPPORT, null, SUPPORT, "7.777"),
                    kind(ChargeKind.TAX, null, TAX, "0.055")));

            for (PoolSummary pool : a.pools().subList(1, 3)) {
                String service = pool.name().equals("support") ? SUPPORT : TAX;
                BigDecimal shares = a.lines().stream().filter(l -> l.service().equals(service))
                        .map(AllocatedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(shares).as(pool.name()).isEqualByComparingTo(pool.amount());
            }
            assertThat(a.pools().get(1).amount()).isEqualByComparingTo("7.78");
            assertThat(a.pools().get(2).amount()).isEqualByComparingTo("0.06");
            assertThat(linesTotal(a)).isEqualByComparingTo("13.84");
        }
    }
}
