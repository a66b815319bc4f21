package dev.tally.audit.estimate.assembly;

import java.nio.file.Path;
import java.util.List;

/**
 * The stacks of a synthesized CDK app, nested stage assemblies flattened in manifest order.
 *
 * @param source where it was read from (a {@code cdk.out} folder or one template file)
 * @param stacks every stack
 */
public record CloudAssembly(Path source, List<StackTemplate> stacks) {
    public CloudAssembly {
        stacks = List.copyOf(stacks);
    }

    /** How many resources all stacks declare. */
    public int resourceCount() {
        return stacks.stream().mapToInt(s -> s.resources().size()).sum();
    }
}
