package dev.tally.audit.scan.model;

/**
 * How many targets are registered and how many of them are healthy.
 *
 * @param registered targets registered (any health state except {@code unused} for a deregistered one)
 * @param healthy    targets whose health state is {@code healthy} (Classic: {@code InService}); never above registered
 */
public record TargetHealthCount(int registered, int healthy) {
    public TargetHealthCount {
        if (registered < 0 || healthy < 0 || healthy > registered) {
            throw new IllegalArgumentException("need 0 <= healthy <= registered, got healthy=" + healthy
                    + " registered=" + registered);
        }
    }
}
