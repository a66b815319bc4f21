package dev.tally.audit.scan.model;

/** What {@code s3:GetBucketPolicyStatus} says about a bucket's policy. */
public enum PolicyStatus {
    /** {@code IsPublic = true}: the policy grants access to anyone (before Block Public Access is applied). */
    PUBLIC,
    /** {@code IsPublic = false}. */
    NOT_PUBLIC,
    /** The bucket has no policy ({@code NoSuchBucketPolicy}). */
    NO_POLICY,
    /** The status could not be read (access denied, error); a {@link ScanFailure} says why. */
    UNKNOWN
}
