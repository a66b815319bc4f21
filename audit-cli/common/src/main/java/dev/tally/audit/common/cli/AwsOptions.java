package dev.tally.audit.common.cli;

import picocli.CommandLine.Option;

/**
 * {@code --profile} and {@code --region}, the AWS CLI's spelling, for every subcommand that talks to AWS (a picocli
 * mixin). Resolution and validation are {@link dev.tally.audit.common.aws.AwsProfiles}'s.
 */
public final class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS named profile: its credentials, region and endpoint_url (default: AWS_PROFILE, else the "
                    + "standard credential chain). A profile that does not exist is an error.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, else the profile's region; none configured is an error).")
    String region;

    /** {@code --profile}, or null. */
    public String profile() {
        return profile;
    }

    /** {@code --region}, or null. */
    public String region() {
        return region;
    }
}
