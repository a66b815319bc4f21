package dev.tally.audit.scan.model;

/** The EC2 instance lifecycle state, as {@code DescribeInstances} reports it ({@code State.Name}). */
public enum InstanceState {
    PENDING, RUNNING, SHUTTING_DOWN, TERMINATED, STOPPING, STOPPED;

    /** Parses the wire name ({@code running}, {@code shutting-down}, ...). */
    public static InstanceState fromAws(String name) {
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
