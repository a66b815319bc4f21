package dev.tally.audit.common.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;

/**
 * How every AWS client of the CLI is built: the standard AWS configuration (credential chain or {@code --profile},
 * region chain or {@code --region}), adaptive retries for throttling, and one {@link ApiCallLedger} counting calls.
 *
 * <p>Endpoints are left to the SDK, which honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (system properties {@code aws.endpointUrl} / {@code aws.endpointUrl<ServiceId>}, and the matching
 * {@code endpoint_url} profile settings) the way the AWS CLI does. {@link #endpointOverride} is for tests and
 * benchmarks that point one set of clients at a local peer without touching process-wide settings.
 *
 * @param profile          the named profile, or empty for the default credential chain
 * @param credentials      an explicit provider (an assumed role), or empty to derive one from {@code profile}
 * @param ledger           where API calls are counted
 * @param endpointOverride one endpoint for every service, or empty to let the SDK resolve endpoints (default)
 * @param maxAttempts      attempts per call including the first (default 3, the SDK's adaptive default); throttled
 *                         calls back off exponentially with jitter, so more attempts trade scan time for resilience
 */
public record AwsSettings(Optional<String> profile, Optional<AwsCredentialsProvider> credentials, ApiCallLedger ledger,
                          Optional<URI> endpointOverride, int maxAttempts) {

    /** The SDK's own default for the adaptive retry mode. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public AwsSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Settings with SDK-resolved endpoints and the default retry budget. */
    public AwsSettings(Optional<String> profile, Optional<AwsCredentialsProvider> credentials, ApiCallLedger ledger) {
        this(profile, credentials, ledger, Optional.empty(), DEFAULT_MAX_ATTEMPTS);
    }

    public static AwsSettings defaults(ApiCallLedger ledger) {
        return new AwsSettings(Optional.empty(), Optional.empty(), ledger);
    }

    public static AwsSettings forProfile(String profile, ApiCallLedger ledger) {
        return new AwsSettings(Optional.ofNullable(profile), Optional.empty(), ledger);
    }

    /** The same settings acting through other credentials (for example a role assumed in a member account). */
    public AwsSettings withCredentials(AwsCredentialsProvider provider) {
        return new AwsSettings(profile, Optional.of(provider), ledger, endpointOverride, maxAttempts);
    }

    /** The same settings sending every service's calls to {@code endpoint} (a local peer). */
    public AwsSettings withEndpoint(URI endpoint) {
        return new AwsSettings(profile, credentials, ledger, Optional.of(endpoint), maxAttempts);
    }

    /** The same settings with another retry budget ({@code attempts} includes the first call). */
    public AwsSettings withMaxAttempts(int attempts) {
        return new AwsSettings(profile, credentials, ledger, endpointOverride, attempts);
    }

    public AwsCredentialsProvider credentialsProvider() {
        return credentials.orElseGet(() -> profile
                .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    }

    /**
     * True when requests do not go to AWS's own endpoints: an explicit override, or the standard
     * {@code AWS_ENDPOINT_URL[_<SERVICE>]} environment variables / {@code aws.endpointUrl[<ServiceId>]} system
     * properties. S3 then needs path-style addressing, since a local peer has no per-bucket host names.
     *
     * @param serviceEnvSuffix the service's suffix in the variable name, for example {@code S3}
     * @param serviceIdSuffix  the service's suffix in the system property, for example {@code S3}
     */
    public boolean endpointRedirected(String serviceEnvSuffix, String serviceIdSuffix) {
        return endpointOverride.isPresent()
                || System.getenv("AWS_ENDPOINT_URL") != null
                || System.getenv("AWS_ENDPOINT_URL_" + serviceEnvSuffix) != null
                || System.getProperty("aws.endpointUrl") != null
                || System.getProperty("aws.endpointUrl" + serviceIdSuffix) != null;
    }

    /** Applies credentials, region, endpoint, adaptive retries and call counting to any SDK client builder. */
    public <B extends AwsClientBuilder<B, C>, C> C build(B builder, Region region) {
        return configure(builder, region).build();
    }

    /**
     * Like {@link #build} but returns the configured builder, for service-specific settings (S3 path style) that
     * must be added before building.
     */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Region region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .build())
                .addExecutionInterceptor(ledger);
        // The SDK reads endpoint_url (and services sections) from the AWS_PROFILE profile unless told otherwise;
        // --profile must steer endpoints as well as credentials, as it does for the AWS CLI.
        profile.ifPresent(override::defaultProfileName);
        builder.credentialsProvider(credentialsProvider())
                .region(region)
                .overrideConfiguration(override.build());
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder;
    }
}
