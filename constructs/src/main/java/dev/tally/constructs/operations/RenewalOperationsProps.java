package dev.tally.constructs.operations;

import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.slo.BurnRatePolicy;
import dev.tally.constructs.slo.BurnRateWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;

/**
 * Configuration of {@link RenewalOperations}: the pipeline to operate, where its alarms go, and its three SLOs.
 * Objectives are percentages; the period and the burn-rate windows apply to all three (each SLO validates them).
 */
public final class RenewalOperationsProps {

  private static final Pattern DASHBOARD_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  private final RenewalPipeline pipeline;
  private final AlarmTopics alarmTopics;
  private final String dashboardName;
  private final double availabilityObjectivePercent;
  private final double latencyObjectivePercent;
  private final Duration latencyThreshold;
  private final double deliveryObjectivePercent;
  private final Duration period;
  private final List<BurnRateWindow> windows;

  private RenewalOperationsProps(Builder b) {
    pipeline = b.pipeline;
    alarmTopics = b.alarmTopics;
    dashboardName = b.dashboardName;
    availabilityObjectivePercent = b.availabilityObjectivePercent;
    latencyObjectivePercent = b.latencyObjectivePercent;
    latencyThreshold = b.latencyThreshold;
    deliveryObjectivePercent = b.deliveryObjectivePercent;
    period = b.period;
    windows = b.windows == null ? null : List.copyOf(b.windows);
  }

  /** A builder with the documented defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Required. The pipeline whose alarms are routed and whose deployments roll back on the SLOs. */
  public RenewalPipeline pipeline() { return pipeline; }

  /** Required. Where pages and tickets go. */
  public AlarmTopics alarmTopics() { return alarmTopics; }

  /** Required. The CloudWatch dashboard's name (letters, digits, {@code -}, {@code _}), e.g. the stack name. */
  public String dashboardName() { return dashboardName; }

  /** API availability: share of requests not answered 5XX. Default 99.9 (43 minutes of full outage a month). */
  public double availabilityObjectivePercent() { return availabilityObjectivePercent; }

  /** API latency: share of requests answered within {@link #latencyThreshold()}. Default 99.0. */
  public double latencyObjectivePercent() { return latencyObjectivePercent; }

  /** The latency SLO's threshold. Default 1 s (the balance look-up is a single GetItem; ingest one SendMessage). */
  public Duration latencyThreshold() { return latencyThreshold; }

  /** Renewal delivery: share of queued renewals that do not end in the dead-letter queue. Default 99.9. */
  public double deliveryObjectivePercent() { return deliveryObjectivePercent; }

  /** SLO period of all three. Default 30 days. */
  public Duration period() { return period; }

  /** Burn-rate windows of all three. Default {@link BurnRatePolicy#sreWorkbook()}. */
  public List<BurnRateWindow> windows() { return windows; }

  /** Builds {@link RenewalOperationsProps}. */
  public static final class Builder {
    private RenewalPipeline pipeline;
    private AlarmTopics alarmTopics;
    private String dashboardName;
    private double availabilityObjectivePercent = 99.9;
    private double latencyObjectivePercent = 99.0;
    private Duration latencyThreshold = Duration.seconds(1);
    private double deliveryObjectivePercent = 99.9;
    private Duration period = Duration.days(30);
    private List<BurnRateWindow> windows = BurnRatePolicy.sreWorkbook();

    private Builder() {}

    /** @see RenewalOperationsProps#pipeline() */
    public Builder pipeline(RenewalPipeline v) { pipeline = v; return this; }
    /** @see RenewalOperationsProps#alarmTopics() */
    public Builder alarmTopics(AlarmTopics v) { alarmTopics = v; return this; }
    /** @see RenewalOperationsProps#dashboardName() */
    public Builder dashboardName(String v) { dashboardName = v; return this; }
    /** @see RenewalOperationsProps#availabilityObjectivePercent() */
    public Builder availabilityObjectivePercent(double v) { availabilityObjectivePercent = v; return this; }
    /** @see RenewalOperationsProps#latencyObjectivePercent() */
    public Builder latencyObjectivePercent(double v) { latencyObjectivePercent = v; return this; }
    /** @see RenewalOperationsProps#latencyThreshold() */
    public Builder latencyThreshold(Duration v) { latencyThreshold = v; return this; }
    /** @see RenewalOperationsProps#deliveryObjectivePercent() */
    public Builder deliveryObjectivePercent(double v) { deliveryObjectivePercent = v; return this; }
    /** @see RenewalOperationsProps#period() */
    public Builder period(Duration v) { period = v; return this; }
    /** @see RenewalOperationsProps#windows() */
    public Builder windows(List<BurnRateWindow> v) { windows = v == null ? null : new ArrayList<>(v); return this; }

    /**
     * Validates and builds; objectives, period and windows are validated again by each SLO.
     *
     * @throws IllegalArgumentException naming every invalid prop
     */
    public RenewalOperationsProps build() {
      RenewalOperationsProps p = new RenewalOperationsProps(this);
      List<String> problems = new ArrayList<>();
      if (p.pipeline == null) {
        problems.add("pipeline is required");
      }
      if (p.alarmTopics == null) {
        problems.add("alarmTopics is required (new AlarmTopics(...))");
      }
      if (p.dashboardName == null || !DASHBOARD_NAME.matcher(p.dashboardName).matches()) {
        problems.add("dashboardName must be 1-255 letters, digits, '-' or '_' (was " + p.dashboardName + ")");
      }
      long thresholdMs = p.latencyThreshold == null ? -1 : p.latencyThreshold.toMilliseconds().longValue();
      if (thresholdMs < 1 || thresholdMs > 29_000) {
        problems.add("latencyThreshold must be between 1 ms and API Gateway's 29 s limit (was "
            + (p.latencyThreshold == null ? null : p.latencyThreshold.toHumanString()) + ")");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("RenewalOperationsProps invalid: " + String.join("; ", problems));
      }
      return p;
    }
  }
}
