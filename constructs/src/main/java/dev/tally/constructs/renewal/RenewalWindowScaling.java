package dev.tally.constructs.renewal;

import java.util.List;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.AutoScalingOptions;
import software.amazon.awscdk.services.lambda.IScalableFunctionAttribute;

/**
 * Provisioned concurrency of the balance alias, only during the renewal window: Application Auto Scaling scheduled
 * actions built from {@link RenewalWindowSchedule}. No target tracking: the window is known in advance, and
 * capacity that reacts after the burst has started is capacity that arrives late.
 */
final class RenewalWindowScaling {

  private RenewalWindowScaling() {}

  static void apply(Alias alias, RenewalPipelineProps props) {
    int warm = props.balanceProvisionedConcurrency();
    IScalableFunctionAttribute scaling = alias.addAutoScaling(
        AutoScalingOptions.builder().minCapacity(0).maxCapacity(warm).build());
    RenewalWindowSchedule window = RenewalWindowSchedule.of(
        props.renewalWindowStartDay(), props.renewalWindowEndDay(), props.renewalWindowLeadHours());
    List<RenewalWindowSchedule.Moment> openings = window.scaleUp();
    for (int i = 0; i < openings.size(); i++) {
      // Ids WindowOpens, WindowOpens2, ...: one action per group of months sharing an opening day.
      String id = i == 0 ? "WindowOpens" : "WindowOpens" + (i + 1);
      scaling.scaleOnSchedule(id, ScalingSchedule.builder()
          .schedule(Schedule.expression(openings.get(i).cronExpression()))
          .minCapacity(warm)
          .maxCapacity(warm)
          .build());
    }
    // Max 0 as well as min 0: with min alone, capacity already inside [0, max] would never be released.
    scaling.scaleOnSchedule("WindowCloses", ScalingSchedule.builder()
        .schedule(Schedule.expression(window.scaleDown().cronExpression()))
        .minCapacity(0)
        .maxCapacity(0)
        .build());
  }
}
