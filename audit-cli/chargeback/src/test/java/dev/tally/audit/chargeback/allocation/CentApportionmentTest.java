package dev.tally.audit.chargeback.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rounding to the cent by largest remainder")
class CentApportionmentTest {

    private static Map<String, BigDecimal> amounts(String... keyValues) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], new BigDecimal(keyValues[i + 1]));
        }
        return map;
    }

    @Test
    @DisplayName("$100.00 in three equal thirds: the leftover cent goes to the first owner by name")
    void thirdsOfAHundred() {
        BigDecimal third = new BigDecimal("33.33333333333333333333");
        Map<String, BigDecimal> exact = amounts("search", third.toPlainString(), "analytics", third.toPlainString(),
                "payments", third.toPlainString());

        Map<String, BigDecimal> cents = CentApportionment.apportion(exact, new BigDecimal("100.00"),
                Comparator.naturalOrder());

        assertThat(cents).containsEntry("analytics", new BigDecimal("33.34"))
                .containsEntry("payments", new BigDecimal("33.33")).containsEntry("search", new BigDecimal("33.33"));
    }

    @Test
    @DisplayName("the leftover cents go to the largest remainders, not to the first names")
    void largestRemainderWins() {
        // 1.004 + 2.006 + 3.005 = 6.015 -> 6.02 (half-even); floors 1.00 + 2.00 + 3.00 leave 2 cents:
        // b (0.006) then c (0.005); a (0.004) gets none.
        Map<String, BigDecimal> cents = CentApportionment.apportion(amounts("a", "1.004", "b", "2.006", "c", "3.005"),
                new BigDecimal("6.02"), Comparator.naturalOrder());

        assertThat(cents).containsEntry("a", new BigDecimal("1.00")).containsEntry("b", new BigDecimal("2.01"))
                .containsEntry("c", new BigDecimal("3.01"));
    }

    @Test
    @DisplayName("negative amounts (a credit split three ways) still add up to the cent")
    void negativeThirds() {
        BigDecimal third = new BigDecimal("-33.33333333333333333333");
        Map<String, BigDecimal> cents = CentApportionment.apportion(amounts("a", third.toPlainString(), "b",
                third.toPlainString(), "c", third.toPlainString()), new BigDecimal("-100.00"), Comparator.naturalOrder());

        assertThat(cents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("-100.00");
        assertThat(cents).containsEntry("a", new BigDecimal("-33.33")).containsEntry("b", new BigDecimal("-33.33"))
                .containsEntry("c", new BigDecimal("-33.34"));
    }

    @Test
    @DisplayName("amounts already in cents are left alone")
    void exactCentsUntouched() {
        Map<String, BigDecimal> cents = CentApportionment.apportion(amounts("a", "10.10", "b", "-2.05"),
                new BigDecimal("8.05"), Comparator.naturalOrder());

        assertThat(cents).containsEntry("a", new BigDecimal("10.10")).containsEntry("b", new BigDecimal("-2.05"));
    }

    @Test
    @DisplayName("the month total is rounded half-even: 0.125 is 0.12, 0.135 is 0.14")
    void halfEvenTotal() {
        assertThat(CentApportionment.toCents(new BigDecimal("0.125"))).isEqualTo(new BigDecimal("0.12"));
        assertThat(CentApportionment.toCents(new BigDecimal("0.135"))).isEqualTo(new BigDecimal("0.14"));
    }
}
