package dev.tally.audit.scan.collect.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * S3 Control endpoints for a redirected endpoint ({@code AWS_ENDPOINT_URL_S3_CONTROL}, a local peer): the SDK's rules
 * put the account id in front of the host ({@code 123456789012.localhost}), a name no local peer resolves, so this
 * provider resolves as the SDK does and then takes that prefix off again. Signing and headers are kept as resolved.
 * Against AWS's own endpoints it is not used.
 */
public final class RedirectedS3ControlEndpoints implements S3ControlEndpointProvider {
    private final S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(S3ControlEndpointParams params) {
        return rules.resolveEndpoint(params).thenApply(endpoint -> withoutAccountHost(endpoint, params.accountId()));
    }

    /**
     * The endpoint without the {@code <accountId>.} host prefix. The authority is read raw: in front of an IP address
     * ({@code 123456789012.127.0.0.1}) the prefixed name is neither a host name nor an address, so {@link URI#getHost}
     * is null for it and the SDK would fail later with "host must not be null".
     */
    static Endpoint withoutAccountHost(Endpoint endpoint, String accountId) {
        URI url = endpoint.url();
        String authority = url.getRawAuthority();
        String prefix = accountId + ".";
        if (accountId == null || authority == null || !authority.startsWith(prefix)) {
            return endpoint;
        }
        String flat = url.getScheme() + "://" + authority.substring(prefix.length())
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        try {
            URI parsed = new URI(flat);
            if (parsed.getHost() == null) {
                throw new URISyntaxException(flat, "no host");
            }
            return endpoint.toBuilder().url(parsed).build();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot drop the account id from the S3 Control endpoint " + url, e);
        }
    }
}
