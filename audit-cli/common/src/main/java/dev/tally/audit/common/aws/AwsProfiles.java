package dev.tally.audit.common.aws;

import dev.tally.audit.common.cli.UserFacingException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * Reads the user's AWS configuration the way the AWS CLI does ({@code --profile} or {@code AWS_PROFILE}, then
 * {@code ~/.aws/config} and {@code ~/.aws/credentials}, or {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE}),
 * but never turns a broken configuration into a default: a profile that does not exist, a file that does not parse, a
 * region that is not one, or no region at all is a usage error that names what is wrong and how to fix it.
 *
 * <p>Only the environment and the profile files are read, not EC2 instance metadata: off EC2 that costs seconds of
 * time-outs before every command.
 */
public final class AwsProfiles {
    private AwsProfiles() {
    }

    /**
     * The profile the command uses, checked to exist when one is named.
     *
     * @param flagProfile {@code --profile}, or null
     * @return the named profile ({@code --profile}, else {@code AWS_PROFILE}), or empty for the SDK's default chain
     * @throws UserFacingException (usage) when the named profile is not in the configuration files, or they do not
     *                             parse
     */
    public static Optional<String> checkedProfile(String flagProfile) {
        Optional<Named> named = named(flagProfile);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        ProfileFile files = profileFiles();
        if (files.profile(named.get().name()).isEmpty()) {
            throw UserFacingException.usage(named.get().origin() + ": no profile '" + named.get().name() + "' in "
                    + locations() + " (create it with 'aws configure --profile " + named.get().name()
                    + "', or name another)");
        }
        return Optional.of(named.get().name());
    }

    /**
     * The region a command uses: {@code --region}, else {@code AWS_REGION} (system property {@code aws.region}), else
     * the profile's {@code region}.
     *
     * @param flagRegion  {@code --region}, or null
     * @param flagProfile {@code --profile}, or null
     * @param known       the region codes accepted
     * @throws UserFacingException (usage) naming the setting at fault, when the region is unknown, the profile is
     *                             missing or broken, or no region is configured anywhere
     */
    public static ResolvedRegion region(String flagRegion, String flagProfile, Set<String> known) {
        if (flagRegion != null) {
            return new ResolvedRegion(valid(flagRegion, "--region", known), "--region");
        }
        Optional<String> fromEnvironment = SdkSystemSetting.AWS_REGION.getStringValue();
        if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
            return new ResolvedRegion(valid(fromEnvironment.get(), "AWS_REGION", known), "AWS_REGION");
        }
        Optional<String> profile = checkedProfile(flagProfile);
        String profileName = profile.orElseGet(() -> ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow());
        Optional<String> fromProfile = profileFiles().profile(profileName).flatMap(p -> p.property("region"));
        if (fromProfile.isPresent()) {
            String origin = "profile '" + profileName + "'";
            return new ResolvedRegion(valid(fromProfile.get(), "region of " + origin + " in " + locations(), known),
                    origin);
        }
        throw UserFacingException.usage("no AWS region configured: pass --region (for example --region us-east-1), "
                + "set AWS_REGION, or add 'region = ...' to profile '" + profileName + "' in " + locations());
    }

    private record Named(String name, String origin) {
    }

    private static Optional<Named> named(String flagProfile) {
        if (flagProfile != null) {
            if (flagProfile.isBlank()) {
                throw UserFacingException.usage("--profile is empty: name a profile from " + locations());
            }
            return Optional.of(new Named(flagProfile.strip(), "--profile " + flagProfile.strip()));
        }
        // Read the setting itself: the SDK's getStringValue() falls back to "default", which nobody named.
        String fromProperty = System.getProperty(ProfileFileSystemSetting.AWS_PROFILE.property());
        String fromEnvironment = System.getenv(ProfileFileSystemSetting.AWS_PROFILE.environmentVariable());
        String named = fromProperty != null && !fromProperty.isBlank() ? fromProperty : fromEnvironment;
        return Optional.ofNullable(named).filter(p -> !p.isBlank())
                .map(p -> new Named(p.strip(), "AWS_PROFILE=" + p.strip()));
    }

    private static String valid(String region, String origin, Set<String> known) {
        String normalised = region.strip().toLowerCase(Locale.ROOT);
        if (!known.contains(normalised)) {
            throw UserFacingException.usage(origin + ": unknown region '" + region
                    + "' (use a region code such as us-east-1)");
        }
        return normalised;
    }

    /** The configuration and credentials files merged; a file that does not parse is an error naming both. */
    static ProfileFile profileFiles() {
        try {
            return ProfileFile.defaultProfileFile();
        } catch (RuntimeException broken) {
            throw UserFacingException.usage("the AWS configuration (" + locations() + ") cannot be read: "
                    + broken.getMessage() + " (fix the file, or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE "
                    + "at another)");
        }
    }

    private static String locations() {
        return ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath();
    }
}
