package dev.tally.audit.chargeback.source.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.chargeback.model.ChargeKind;
import dev.tally.audit.chargeback.model.CostMetric;
import dev.tally.audit.chargeback.model.CostRow;
import dev.tally.audit.chargeback.model.MonthlyCost;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Monthly cost cache on disk")
class MonthlyCostCacheTest {
    @TempDir
    Path dir;

    private final CacheKey key = new CacheKey("prod/payer", YearMonth.of(2025, 3), CostMetric.AMORTIZED,
            List.of("team"), "v1");

    private MonthlyCost month(boolean closed) {
        return new MonthlyCost(YearMonth.of(2025, 3), CostMetric.AMORTIZED,
                List.of(new CostRow("1", "Amazon S3", ChargeKind.USAGE, Map.of("team", "a"),
                        new BigDecimal("0.1234567891"), "USD")),
                new BigDecimal("0.1234567891"), "USD", closed, "Cost Explorer");
    }

    @Test
    @DisplayName("round-trips a closed month exactly (BigDecimal digits, tags, month) and leaves no temp file")
    void roundTrip() throws IOException {
        MonthlyCostCache cache = new MonthlyCostCache(dir);
        cache.put(key, month(true));
        assertThat(cache.get(key)).contains(month(true));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).singleElement().asString()
                    .contains("prod_payer").endsWith(".json");
        }
    }

    @Test
    @DisplayName("a different tag set, metric or scope is a different entry")
    void keyed() {
        MonthlyCostCache cache = new MonthlyCostCache(dir);
        cache.put(key, month(true));
        assertThat(cache.get(new CacheKey("prod/payer", key.month(), key.metric(), List.of("env"), "v1"))).isEmpty();
        assertThat(cache.get(new CacheKey("other", key.month(), key.metric(), key.tagKeys(), "v1"))).isEmpty();
        assertThat(cache.get(new CacheKey("prod/payer", key.month(), CostMetric.UNBLENDED, key.tagKeys(), "v1")))
                .isEmpty();
        assertThat(cache.get(new CacheKey("prod/payer", key.month(), key.metric(), key.tagKeys(), "v2"))).isEmpty();
    }

    @Test
    @DisplayName("a truncated entry counts as absent, so the month is fetched again")
    void corruptEntry() throws IOException {
        MonthlyCostCache cache = new MonthlyCostCache(dir);
        cache.put(key, month(true));
        Files.writeString(cache.pathOf(key), "{\"format\": 1, \"key\": ");
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    @DisplayName("refuses to cache an open month")
    void openMonth() {
        assertThatThrownBy(() -> new MonthlyCostCache(dir).put(key, month(false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open");
    }
}
