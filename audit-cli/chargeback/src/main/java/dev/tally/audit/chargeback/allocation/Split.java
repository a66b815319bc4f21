package dev.tally.audit.chargeback.allocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A way to divide a pool of cost among owners.
 *
 * @param method how the pool is divided
 * @param owner  the receiving owner (normalised) for {@link SplitMethod#FIXED}; empty otherwise
 * @param among  the owners (normalised) who take part in a proportional or even split; empty means every owner with
 *               direct spend in the month
 */
public record Split(SplitMethod method, Optional<String> owner, List<String> among) {
    public Split {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(owner, "owner");
        among = List.copyOf(among);
        if (method == SplitMethod.FIXED && owner.isEmpty()) {
            throw new IllegalArgumentException("a fixed split needs an owner");
        }
    }

    public static Split proportional() {
        return new Split(SplitMethod.PROPORTIONAL, Optional.empty(), List.of());
    }

    public static Split even() {
        return new Split(SplitMethod.EVEN, Optional.empty(), List.of());
    }

    public static Split fixed(String owner) {
        return new Split(SplitMethod.FIXED, Optional.of(owner), List.of());
    }

    /** The same split, restricted to some owners. */
    public Split among(List<String> owners) {
        return new Split(method, owner, owners);
    }

    /** A short human description, for example {@code proportional} or {@code fixed to security}. */
    public String describe() {
        String base = method == SplitMethod.FIXED ? "fixed to " + owner.orElseThrow() : method.yamlName();
        return among.isEmpty() ? base : base + " among " + String.join(", ", among);
    }
}
