package dev.tally.audit.estimate.usage;

/**
 * A group of always-on servers in a fixed fleet (the legacy estate a serverless stack replaced).
 *
 * @param name          what they are ({@code renewal app servers})
 * @param instanceType  EC2 instance type, priced on-demand Linux from the price table
 * @param count         how many
 * @param hoursPerMonth hours each runs per month (730 for always on)
 * @param ebsGb         gp3 volume per instance, GB
 * @param note          how the count was sized
 */
public record FleetInstance(String name, String instanceType, int count, double hoursPerMonth, double ebsGb,
        String note) {
}
