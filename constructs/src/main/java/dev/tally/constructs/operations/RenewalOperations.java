package dev.tally.constructs.operations;

import dev.tally.constructs.renewal.RenewalPipeline;
import dev.tally.constructs.slo.BurnRateAlarm;
import dev.tally.constructs.slo.ServiceLevelIndicator;
import dev.tally.constructs.slo.ServiceLevelObjective;
import dev.tally.constructs.slo.ServiceLevelObjectiveProps;
import dev.tally.constructs.slo.Severity;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.constructs.Construct;

/**
 * Operates a {@link RenewalPipeline}: its SLOs, where every alarm goes, which alarms roll a deployment back, and its
 * dashboard.
 *
 * <ul>
 *   <li>Three SLOs over one period: <b>API availability</b> (5XX / requests), <b>API latency</b> (requests slower than
 *       the threshold / requests) and <b>renewal delivery</b> (dead-lettered / queued renewals), each with the SRE
 *       workbook's burn-rate alarms.</li>
 *   <li>Routing: the SLOs' fast-burn composites (14.4× and 6× by default) <b>page</b>; their slow-burn composite and
 *       every threshold alarm of the pipeline (errors, throttles, queues, spillover) open a <b>ticket</b>. The
 *       per-window inputs of the composites notify nobody, so an incident pages once.</li>
 *   <li>Rollback: the ingest and balance deployments roll back on their function's errors alarm (set by the pipeline)
 *       and on the long- and short-window alarms of the API SLOs' paging rules (the metric alarms behind the
 *       composites, which CodeDeploy is not documented to read).</li>
 *   <li>One dashboard: see {@link RenewalDashboard}.</li>
 * </ul>
 */
public final class RenewalOperations extends Construct {

  private final RenewalOperationsProps props;
  private final ServiceLevelObjective apiAvailability;
  private final ServiceLevelObjective apiLatency;
  private final ServiceLevelObjective renewalDelivery;
  private final Dashboard dashboard;

  /** Creates the SLOs, routes every alarm, adds the rollback alarms and builds the dashboard. */
  public RenewalOperations(Construct scope, String id, RenewalOperationsProps props) {
    super(scope, id);
    this.props = props;
    RenewalPipeline pipeline = props.pipeline();
    String stage = pipeline.getProps().apiStageName();
    apiAvailability = slo("ApiAvailability", ServiceLevelIndicator.apiAvailability(pipeline.getApi(), stage),
        props.availabilityObjectivePercent());
    apiLatency = slo("ApiLatency",
        ServiceLevelIndicator.apiLatency(pipeline.getApi(), stage, props.latencyThreshold()),
        props.latencyObjectivePercent());
    renewalDelivery = slo("RenewalDelivery",
        ServiceLevelIndicator.queueDelivery(pipeline.getQueue(), pipeline.getDeadLetterQueue()),
        props.deliveryObjectivePercent());

    AlarmTopics topics = props.alarmTopics();
    for (Alarm alarm : pipeline.getAlarms()) {
      topics.ticket(alarm);
    }
    for (ServiceLevelObjective slo : getServiceLevelObjectives()) {
      topics.route(slo);
    }
    checkDeploymentAlarmCount();
    for (LambdaDeploymentGroup deployment : List.of(pipeline.getIngestDeployment(), pipeline.getBalanceDeployment())) {
      rollBackOn(deployment, apiAvailability);
      rollBackOn(deployment, apiLatency);
    }
    dashboard = RenewalDashboard.create(this, "Dashboard", props.dashboardName(), pipeline,
        getServiceLevelObjectives());
  }

  private ServiceLevelObjective slo(String name, ServiceLevelIndicator indicator, double objective) {
    return new ServiceLevelObjective(this, name, ServiceLevelObjectiveProps.builder()
        .name(name)
        .indicator(indicator)
        .objectivePercent(objective)
        .period(props.period())
        .windows(props.windows())
        .build());
  }

  /**
   * The metric alarms behind the SLO's paging composites, not the composites themselves: CodeDeploy polls its alarms
   * with CloudWatch DescribeAlarms, which returns composite alarms only when asked for them, and CodeDeploy documents
   * no support for composites. During a rollout, either window of a paging rule in ALARM is reason enough to stop.
   */
  private static void rollBackOn(LambdaDeploymentGroup deployment, ServiceLevelObjective slo) {
    for (BurnRateAlarm alarm : slo.getBurnRateAlarms()) {
      if (alarm.severity() == Severity.PAGE) {
        deployment.addAlarm(alarm.longWindowAlarm());
        deployment.addAlarm(alarm.shortWindowAlarm());
      }
    }
  }

  /** CodeDeploy accepts at most 10 alarms per deployment group. */
  static final int MAX_DEPLOYMENT_ALARMS = 10;

  private void checkDeploymentAlarmCount() {
    long paging = props.windows().stream().filter(w -> w.severity() == Severity.PAGE).count();
    long needed = 1 + 2 * 2 * paging;   // the errors alarm + long and short of each paging window of 2 API SLOs
    if (needed > MAX_DEPLOYMENT_ALARMS) {
      throw new IllegalArgumentException("RenewalOperationsProps invalid: windows has " + paging + " paging windows,"
          + " which would give each deployment group " + needed + " rollback alarms; CodeDeploy accepts at most "
          + MAX_DEPLOYMENT_ALARMS + ": use at most 2 paging windows");
    }
  }

  /** The props this was built with. */
  public RenewalOperationsProps getProps() { return props; }

  /** API availability: 5XX responses / requests of the stage. */
  public ServiceLevelObjective getApiAvailability() { return apiAvailability; }

  /** API latency: requests slower than the threshold / requests of the stage. */
  public ServiceLevelObjective getApiLatency() { return apiLatency; }

  /** Renewal delivery: dead-lettered renewals / renewals queued. */
  public ServiceLevelObjective getRenewalDelivery() { return renewalDelivery; }

  /** All three SLOs. */
  public List<ServiceLevelObjective> getServiceLevelObjectives() {
    return List.of(apiAvailability, apiLatency, renewalDelivery);
  }

  /** The stack's dashboard. */
  public Dashboard getDashboard() { return dashboard; }
}
