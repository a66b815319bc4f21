package dev.tally.apps;

import java.util.List;

/**
 * What differs between the EKS platform's environments: the node groups' scaling bounds. Keyed by
 * {@link EnvironmentSizing#name()}.
 *
 * @param environment    the {@link EnvironmentSizing#name()} these sizes belong to
 * @param onDemandMin    fewest on-demand (stateful) nodes
 * @param onDemandMax    most on-demand nodes
 * @param spotMax        most spot (stateless) nodes; the spot group scales from zero
 */
public record PlatformSizing(String environment, int onDemandMin, int onDemandMax, int spotMax) {

    public static final PlatformSizing STAGING = new PlatformSizing("staging", 2, 3, 4);
    public static final PlatformSizing PRODUCTION = new PlatformSizing("production", 2, 6, 20);

    private static final List<PlatformSizing> ALL = List.of(STAGING, PRODUCTION);

    /** The platform sizes of {@code environment}. */
    public static PlatformSizing of(EnvironmentSizing environment) {
        return ALL.stream().filter(s -> s.environment().equals(environment.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no platform sizing for " + environment.name()));
    }
}
