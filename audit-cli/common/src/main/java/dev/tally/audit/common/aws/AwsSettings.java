package dev.tally.audit.common.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How every AWS client of the CLI is built: the standard AWS configuration (credential chain or {@code --profile},
 * region chain or {@code --region}), adaptive retries for throttling, and one {@link ApiCallLedger} counting calls.
 *
 * <p>Endpoints are left to the SDK, which honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (and the matching {@code endpoint_url} profile settings) the way the AWS CLI does; that is also how tests point the
 * CLI at local peers.
 *
 * @param profile     the named profile, or empty for the default credential chain
 * @param credentials an explicit provider (an assumed role), or empty to derive one from {@code profile}
 * @param ledger      where API calls are counted
 */
public record AwsSettings(Optional<String> profile, Optional<AwsCredentialsProvider> credentials, ApiCallLedger ledger) {

    public static AwsSettings defaults(ApiCallLedger ledger) {
        return new AwsSettings(Optional.empty(), Optional.empty(), ledger);
    }

    public static AwsSettings forProfile(String profile, ApiCallLedger ledger) {
        return new AwsSettings(Optional.ofNullable(profile), Optional.empty(), ledger);
    }

    /** The same settings acting through other credentials (for example a role assumed in a member account). */
    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(profile, Optional.of(provider), ledger);
    }

    public AwsCredentialsProvider credentialsProvider() {
        return credentials.orElseGet(() -> profile
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    }

    /** The region the user configured (profile, environment), used when no {@code --region} is given. */
    public Optional<Region> configuredRegion() {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            return Optional.ofNullable(chain.build().getRegion());
        } catch (RuntimeException noRegionConfigured) {
            return Optional.empty();
        }
    }

    /** Applies credentials, region, adaptive retries and call counting to any SDK client builder. */
    public <B extends AwsClientBuilder<B, C>, C> C build(B builder, Region region) {
        return builder
                .credentialsProvider(credentialsProvider())
                .region(region)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy())
                        .addExecutionInterceptor(ledger)
                        .build())
                .build();
    }
}
