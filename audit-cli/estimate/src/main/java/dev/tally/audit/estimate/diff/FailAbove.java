package dev.tally.audit.estimate.diff;

import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.estimate.estimate.Estimate;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code --fail-above DOLLARS|PERCENT}: the CI gate. With {@code --base}, the monthly increase must not exceed the
 * dollars ({@code 100}, {@code $100}) or the percentage of the base total ({@code 10%}); without a base, the monthly
 * total must not exceed the dollars (a budget).
 *
 * @param amount  dollars or percent
 * @param percent whether {@code amount} is a percentage
 */
public record FailAbove(BigDecimal amount, boolean percent) {

    /** Parses {@code 250}, {@code $250.50} or {@code 10%}. */
    public static FailAbove parse(String text) {
        String value = text.trim();
        boolean percent = value.endsWith("%");
        value = value.replace("%", "").replace("$", "").replace(",", "").trim();
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                throw new NumberFormatException();
            }
            return new FailAbove(amount, percent);
        } catch (NumberFormatException e) {
            throw UserFacingException.usage("--fail-above '" + text + "': give dollars (250, $250.50) or a percentage "
                    + "of the base (10%), not negative");
        }
    }

    /** Why the diff fails the gate, or empty when it passes. */
    public Optional<String> violation(EstimateDiff diff) {
        if (percent) {
            Optional<BigDecimal> change = diff.deltaPercent();
            if (change.isEmpty()) {
                return diff.deltaUsd().signum() > 0
                        ? Optional.of("the base costs $0 and this change adds " + dev.tally.audit.estimate.report.Dollars.of(diff.deltaUsd())
                                + "/month, more than " + amount.toPlainString() + "%")
                        : Optional.empty();
            }
            return change.get().compareTo(amount) > 0 ? Optional.of("monthly cost up " + change.get().toPlainString()
                    + "%, above --fail-above " + amount.toPlainString() + "%") : Optional.empty();
        }
        return diff.deltaUsd().compareTo(amount) > 0 ? Optional.of("monthly cost up "
                + dev.tally.audit.estimate.report.Dollars.of(diff.deltaUsd()) + ", above --fail-above "
                + dev.tally.audit.estimate.report.Dollars.of(amount)) : Optional.empty();
    }

    /** Why the estimate fails the budget, or empty; a percentage needs a base. */
    public Optional<String> violation(Estimate estimate) {
        if (percent) {
            throw UserFacingException.usage("--fail-above " + amount.toPlainString() + "% needs --base OLD_CDK_OUT "
                    + "(a percentage of what?); give dollars for a budget on the total");
        }
        return estimate.monthlyUsd().compareTo(amount) > 0 ? Optional.of("monthly estimate "
                + dev.tally.audit.estimate.report.Dollars.of(estimate.monthlyUsd()) + " is above --fail-above "
                + dev.tally.audit.estimate.report.Dollars.of(amount)) : Optional.empty();
    }
}
