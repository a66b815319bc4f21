package dev.tally.audit.estimate.usage;

/**
 * One usage figure a pricer needs from the profile, with the built-in default used when the profile is silent.
 *
 * @param name          the YAML key ({@code requestsPerMonth})
 * @param unit          what it counts, for the report ({@code requests/month})
 * @param defaultValue  the built-in default (0 for traffic: no traffic is assumed unless the profile says so)
 * @param meaning       one line for the docs and {@code --help}
 */
public record UsageKey(String name, String unit, double defaultValue, String meaning) {
}
