package dev.tally.constructs.renewal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.lambda.RuntimeFamily;

/**
 * Checks {@link RenewalPipelineProps} before anything is synthesized, collecting every problem so the user sees
 * them all at once (the AWS Solutions Constructs {@code CheckProps} approach). Limits are AWS service limits or
 * rules of this design; each message names the prop, the allowed range and the value given.
 */
final class RenewalPipelinePropsValidation {

  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");
  private static final Pattern WEB_ACL_ARN =
      Pattern.compile("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[^/]+/[^/]+$");
  private static final Pattern STAGE_NAME = Pattern.compile("^[A-Za-z0-9_]{1,128}$");
  private static final int MAX_MEMORY_MB = 10_240;
  private static final long API_INTEGRATION_LIMIT_S = 29;
  private static final long LAMBDA_TIMEOUT_LIMIT_S = 900;

  private final List<String> problems = new ArrayList<>();

  private RenewalPipelinePropsValidation() {}

  static void requireValid(RenewalPipelineProps p) {
    List<String> problems = new RenewalPipelinePropsValidation().check(p);
    if (!problems.isEmpty()) {
      throw new InvalidRenewalPipelinePropsException(problems);
    }
  }

  private List<String> check(RenewalPipelineProps p) {
    if (p.functionCode() == null) {
      problems.add("functionCode is required (e.g. Code.fromAsset(\"functions/target/tally-functions.jar\"))");
    }
    if (p.runtime() == null || p.runtime().getFamily() != RuntimeFamily.JAVA) {
      problems.add("runtime must be a Java runtime, the handlers are Java (was " + p.runtime() + ")");
    }
    checkApi(p);
    notNull("logRetention", p.logRetention());
    memory("ingestMemorySize", p.ingestMemorySize());
    memory("workerMemorySize", p.workerMemorySize());
    memory("notifierMemorySize", p.notifierMemorySize());
    memory("balanceMemorySize", p.balanceMemorySize());
    wholeSeconds("ingestTimeout", p.ingestTimeout(), 1, API_INTEGRATION_LIMIT_S);
    wholeSeconds("balanceTimeout", p.balanceTimeout(), 1, API_INTEGRATION_LIMIT_S);
    wholeSeconds("notifierTimeout", p.notifierTimeout(), 1, LAMBDA_TIMEOUT_LIMIT_S);
    boolean workerTimeoutValid = wholeSeconds("workerTimeout", p.workerTimeout(), 1, LAMBDA_TIMEOUT_LIMIT_S);
    checkWorker(p);
    checkQueue(p, workerTimeoutValid);
    checkNotifier(p);
    checkBalanceWindow(p);
    checkSubscribers(p.smsSubscribers());
    return problems;
  }

  private void checkApi(RenewalPipelineProps p) {
    if (p.apiStageName() == null || !STAGE_NAME.matcher(p.apiStageName()).matches()) {
      problems.add("apiStageName must be 1-128 letters, digits or underscores (was " + p.apiStageName() + ")");
    }
    if (!(p.apiThrottlingRateLimit() > 0) || Double.isInfinite(p.apiThrottlingRateLimit())) {
      problems.add("apiThrottlingRateLimit must be a positive number of requests per second (was "
          + p.apiThrottlingRateLimit() + ")");
    }
    if (p.apiWebAclArn() != null && !Token.isUnresolved(p.apiWebAclArn())
        && !WEB_ACL_ARN.matcher(p.apiWebAclArn()).matches()) {
      problems.add("apiWebAclArn must be a regional WAFv2 web ACL ARN"
          + " (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>) (was " + p.apiWebAclArn() + ")");
    }
    if (p.apiThrottlingBurstLimit() < 1) {
      problems.add("apiThrottlingBurstLimit must be at least 1 request (was " + p.apiThrottlingBurstLimit() + ")");
    }
  }

  private void checkWorker(RenewalPipelineProps p) {
    range("workerMaxConcurrency", p.workerMaxConcurrency(), 2, 1000);
    range("workerBatchSize", p.workerBatchSize(), 1, 10_000);
    if (wholeSeconds("workerMaxBatchingWindow", p.workerMaxBatchingWindow(), 0, 300)
        && p.workerBatchSize() > 10 && p.workerMaxBatchingWindow().toSeconds().longValue() < 1) {
      problems.add("workerMaxBatchingWindow must be at least 1 second when workerBatchSize is above 10 (was "
          + p.workerMaxBatchingWindow().toHumanString() + ")");
    }
  }

  private void checkQueue(RenewalPipelineProps p, boolean workerTimeoutValid) {
    range("maxReceiveCount", p.maxReceiveCount(), 1, 1000);
    boolean retentionValid = wholeSeconds("queueRetentionPeriod", p.queueRetentionPeriod(), 60, 1_209_600);
    if (wholeSeconds("queueVisibilityTimeout", p.queueVisibilityTimeout(), 0, 43_200) && workerTimeoutValid) {
      Duration window = p.workerMaxBatchingWindow() == null || Token.isUnresolved(p.workerMaxBatchingWindow())
          ? null : p.workerMaxBatchingWindow();
      long minimum = RenewalPipelineProps.minimumVisibilityMillis(p.workerTimeout(), window) / 1000;
      if (p.queueVisibilityTimeout().toSeconds().longValue() < minimum) {
        problems.add("queueVisibilityTimeout must be at least " + RenewalPipelineProps.VISIBILITY_TIMEOUT_FACTOR
            + " x workerTimeout + workerMaxBatchingWindow = " + minimum + " seconds, or a batch still being processed"
            + " is delivered twice (was " + p.queueVisibilityTimeout().toSeconds() + " seconds)");
      }
    }
    if (wholeSeconds("oldestMessageAgeAlarmThreshold", p.oldestMessageAgeAlarmThreshold(), 60, 1_209_600)
        && retentionValid
        && p.oldestMessageAgeAlarmThreshold().toSeconds().longValue()
            >= p.queueRetentionPeriod().toSeconds().longValue()) {
      problems.add("oldestMessageAgeAlarmThreshold must be shorter than queueRetentionPeriod ("
          + p.queueRetentionPeriod().toHumanString() + "), or messages expire before the alarm fires (was "
          + p.oldestMessageAgeAlarmThreshold().toHumanString() + ")");
    }
  }

  private void checkNotifier(RenewalPipelineProps p) {
    range("notifierBatchSize", p.notifierBatchSize(), 1, 10_000);
    range("notifierRetryAttempts", p.notifierRetryAttempts(), 0, 10_000);
    wholeSeconds("notifierMaxRecordAge", p.notifierMaxRecordAge(), 60, 604_800);
  }

  private void checkBalanceWindow(RenewalPipelineProps p) {
    range("balanceProvisionedConcurrency", p.balanceProvisionedConcurrency(), 1, 1000);
    boolean start = range("renewalWindowStartDay", p.renewalWindowStartDay(), 1, 31);
    // Up to the 27th, so the release day (end + 1) exists in every month, February included.
    boolean end = range("renewalWindowEndDay", p.renewalWindowEndDay(), 1, 27);
    boolean lead = range("renewalWindowLeadHours", p.renewalWindowLeadHours(), 0, 72);
    if (start && lead) {
      int earliestStartDay = Math.min(p.renewalWindowStartDay(), RenewalWindowSchedule.SHORTEST_MONTH_DAYS);
      if ((earliestStartDay - 1) * 24 < p.renewalWindowLeadHours()) {
        problems.add("renewalWindowLeadHours must not reach back into the previous month: at most "
            + (earliestStartDay - 1) * 24 + " hours before day " + earliestStartDay + " (was "
            + p.renewalWindowLeadHours() + ")");
      }
    }
    if (start && end && p.renewalWindowStartDay() == p.renewalWindowEndDay() + 1) {
      problems.add("renewalWindowStartDay must not be the day after renewalWindowEndDay: the window would be the"
          + " whole month; use always-on provisioned concurrency instead (was start " + p.renewalWindowStartDay()
          + ", end " + p.renewalWindowEndDay() + ")");
    } else if (start && end && lead) {
      // The release fires every month at 00:00 on endDay + 1; a scale-up at or before it would be undone at once.
      List<Integer> cold = RenewalWindowSchedule.monthsReleasedAfterScaleUp(
          p.renewalWindowStartDay(), p.renewalWindowEndDay(), p.renewalWindowLeadHours());
      if (!cold.isEmpty()) {
        problems.add("renewalWindowStartDay, renewalWindowEndDay and renewalWindowLeadHours leave the window cold in"
            + " month(s) " + cold + ": capacity would be added at or before the release at 00:00 UTC on day "
            + (p.renewalWindowEndDay() + 1) + " (counting February as 28 days), which removes it at once; move the"
            + " start later, the end earlier or shorten the lead (was start " + p.renewalWindowStartDay() + ", end "
            + p.renewalWindowEndDay() + ", lead " + p.renewalWindowLeadHours() + " h)");
      }
    }
  }

  private void checkSubscribers(List<String> numbers) {
    if (numbers == null) {
      problems.add("smsSubscribers must not be null (use an empty list)");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String number : numbers) {
      if (number == null || !E164.matcher(number).matches()) {
        problems.add("smsSubscribers entry must be an E.164 phone number like +15555550100 (was " + number + ")");
      } else if (!seen.add(number)) {
        problems.add("smsSubscribers lists " + number + " twice");
      }
    }
  }

  private boolean range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(name + " must be between " + min + " and " + max + " (was " + value + ")");
      return false;
    }
    return true;
  }

  private void memory(String name, int megabytes) {
    range(name, megabytes, 128, MAX_MEMORY_MB);
  }

  private boolean notNull(String name, Object value) {
    if (value == null) {
      problems.add(name + " must not be null");
      return false;
    }
    return true;
  }

  /** Whole seconds within [min, max]; Lambda, SQS and the event sources take only whole seconds. */
  private boolean wholeSeconds(String name, Duration value, long min, long max) {
    if (!notNull(name, value)) {
      return false;
    }
    long millis = value.toMilliseconds().longValue();
    if (millis % 1000 != 0 || millis / 1000 < min || millis / 1000 > max) {
      problems.add(name + " must be a whole number of seconds between " + min + " and " + max + " (was "
          + value.toHumanString() + ")");
      return false;
    }
    return true;
  }
}
