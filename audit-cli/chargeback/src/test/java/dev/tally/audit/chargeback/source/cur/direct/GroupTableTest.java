package dev.tally.audit.chargeback.source.cur.direct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GroupTable: exact sums per int-id key")
class GroupTableTest {

    private static Map<List<Integer>, BigInteger> sums(GroupTable table) {
        Map<List<Integer>, BigInteger> sums = new HashMap<>();
        table.forEach((key, sum, count) -> sums.put(List.of(key[0], key[1]), sum));
        return sums;
    }

    @Test
    @DisplayName("keeps 86,031 groups apart through many resizes, NULL ids included")
    void manyGroups() {
        GroupTable table = new GroupTable(2);
        Map<List<Integer>, BigInteger> expected = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100_000; i++) {
                int[] key = {i % 317, i % 7 == 0 ? StringIds.NULL : i};
                table.add(key, i, 1);
                expected.merge(List.of(key[0], key[1]), BigInteger.valueOf(i), BigInteger::add);
            }
        }
        assertThat(expected).hasSize(85_714 + 317);
        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(sums(table)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a sum past Long.MAX_VALUE carries on exactly, and merges exactly")
    void overflowIsExact() {
        GroupTable table = new GroupTable(2);
        int[] key = {1, 2};
        table.add(key, Long.MAX_VALUE, 1);
        table.add(key, Long.MAX_VALUE, 1);
        table.add(key, 5, 1);
        BigInteger expected = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1).add(BigInteger.valueOf(5));
        assertThat(sums(table).get(List.of(1, 2))).isEqualTo(expected);

        GroupTable other = new GroupTable(2);
        other.add(key, Long.MIN_VALUE, 1);
        other.add(new int[] {3, 4}, -1, 2);
        table.addAll(other);
        assertThat(sums(table).get(List.of(1, 2))).isEqualTo(expected.add(BigInteger.valueOf(Long.MIN_VALUE)));
        assertThat(sums(table).get(List.of(3, 4))).isEqualTo(BigInteger.valueOf(-1));
        long[] counts = new long[1];
        table.forEach((k, sum, count) -> counts[0] += count);
        assertThat(counts[0]).isEqualTo(6);
    }
}
