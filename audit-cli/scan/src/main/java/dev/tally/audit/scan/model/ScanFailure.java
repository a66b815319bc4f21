package dev.tally.audit.scan.model;

import java.util.Objects;

/**
 * Part of the scan that could not be done. The rest of the scan still completes; any failure makes the exit code 3.
 *
 * @param accountId the account (12 digits), or {@code "-"} when the failure is not about one account (listing the
 *                  organisation)
 * @param region    the region code, or {@code "global"} for account-level calls (S3 buckets, STS, Organizations)
 * @param service   the AWS service that failed ({@code EC2}, {@code CloudWatch}, {@code S3}, {@code STS}, ...)
 * @param message   one line saying what failed and why (for example {@code AccessDenied on
 *                  ec2:DescribeInstances})
 */
public record ScanFailure(String accountId, String region, String service, String message) {
    public ScanFailure {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        message = message == null || message.isBlank() ? "failed (no message)" : message.replaceAll("\\s+", " ").trim();
    }
}
