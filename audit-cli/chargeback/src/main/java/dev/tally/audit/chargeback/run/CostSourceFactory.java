package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.CostSource;

/** Opens the {@link CostSource} a {@link SourceSelection} names. Tests pass their own; the CLI uses {@link CostSources}. */
@FunctionalInterface
public interface CostSourceFactory {
    CostSource open(SourceSelection selection);
}
