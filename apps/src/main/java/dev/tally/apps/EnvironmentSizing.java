package dev.tally.apps;

import java.util.List;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that may differ between environments. Staging and production share one topology (environment parity:
 * what was tested is what ships); only these numbers and the {@code production} flag change.
 *
 * @param name                     environment name, lower case; used in stage, stack and tag values
 * @param drainRate                most concurrent worker invocations draining the renewal queue (the SQS event
 *                                 source's maximum concurrency)
 * @param balanceProvisionedConcurrency provisioned concurrency of the balance API during the renewal window
 * @param apiRateLimit             API stage steady-state rate, requests per second
 * @param apiBurstLimit            API stage burst, requests
 * @param logRetention             retention of every log group
 * @param production               retain data on stack deletion, deletion and termination protection
 */
public record EnvironmentSizing(
        String name, int drainRate, int balanceProvisionedConcurrency, double apiRateLimit, int apiBurstLimit,
        RetentionDays logRetention, boolean production) {

    /** Small and disposable: enough to run the end-to-end path, nothing kept after the stack is deleted. */
    public static final EnvironmentSizing STAGING = new EnvironmentSizing(
            "staging", 2, 1, 20, 40, RetentionDays.ONE_WEEK, false);

    /**
     * Sized for renewal day of a mid-size ISP: 50 workers x batches of 10 drain roughly 1,000 renewals/s at 0.5 s a
     * batch; the API accepts 500 req/s steady with bursts of 1,000 and the queue absorbs the rest.
     */
    public static final EnvironmentSizing PRODUCTION = new EnvironmentSizing(
            "production", 50, 20, 500, 1000, RetentionDays.THREE_MONTHS, true);

    /** Every environment the app knows, in deployment order. */
    public static final List<EnvironmentSizing> ALL = List.of(STAGING, PRODUCTION);

    /** {@code Staging} for {@code staging}: the construct id of the environment's stage. */
    public String stageId() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** CloudFormation stack name of one of this environment's stacks, e.g. {@code tally-staging-renewal}. */
    public String stackName(String component) {
        return "tally-" + name + "-" + component;
    }
}
