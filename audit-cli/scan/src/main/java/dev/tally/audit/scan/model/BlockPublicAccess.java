package dev.tally.audit.scan.model;

/**
 * S3 Block Public Access settings (the same four flags at account level, {@code s3control:GetPublicAccessBlock}, and
 * at bucket level, {@code s3:GetPublicAccessBlock}).
 *
 * @param blockPublicAcls       rejects PUT calls that add public ACLs
 * @param ignorePublicAcls      ignores every public ACL on the bucket and its objects (makes existing ACL grants moot)
 * @param blockPublicPolicy     rejects bucket policies that grant public access
 * @param restrictPublicBuckets restricts a bucket with a public policy to AWS principals and the owner account (makes an
 *                              existing public policy moot)
 */
public record BlockPublicAccess(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    /** All four flags on: nothing can be public. */
    public static final BlockPublicAccess ALL_ON = new BlockPublicAccess(true, true, true, true);
    /** All four flags off (equivalent to no configuration). */
    public static final BlockPublicAccess ALL_OFF = new BlockPublicAccess(false, false, false, false);

    public boolean allOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }

    /** The effective settings when this and another level both apply: a flag is on if either level turns it on. */
    public BlockPublicAccess or(BlockPublicAccess other) {
        return new BlockPublicAccess(blockPublicAcls || other.blockPublicAcls, ignorePublicAcls || other.ignorePublicAcls,
                blockPublicPolicy || other.blockPublicPolicy, restrictPublicBuckets || other.restrictPublicBuckets);
    }
}
