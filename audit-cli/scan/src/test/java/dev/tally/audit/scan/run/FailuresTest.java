package dev.tally.audit.scan.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.scan.model.ScanFailure;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

@DisplayName("turning collector exceptions into failure lines")
class FailuresTest {
    @Test
    @DisplayName("a CollectionException keeps its service and message")
    void collectionException() {
        assertThat(Failures.of("111111111111", "eu-west-1", "EC2",
                new CompletionException(new CollectionException("CloudWatch", "AccessDenied on CloudWatch:GetMetricData", null))))
                .isEqualTo(new ScanFailure("111111111111", "eu-west-1", "CloudWatch", "AccessDenied on CloudWatch:GetMetricData"));
    }

    @Test
    @DisplayName("an AWS service error names the service and AWS's error code")
    void serviceError() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").errorCode("AccessDenied")
                        .errorMessage("Access Denied").build()).build();
        assertThat(Failures.of("111111111111", "global", "fallback", denied))
                .isEqualTo(new ScanFailure("111111111111", "global", "S3", "AccessDenied: Access Denied"));
    }

    @Test
    @DisplayName("no credentials at all becomes one actionable line instead of the SDK's provider-by-provider paragraph")
    void noCredentials() {
        ScanFailure failure = Failures.of("-", "global", "Organizations/STS", new CollectionException("Sts",
                "ClientError on Sts:GetCallerIdentity: Unable to load credentials from any of the providers in the chain "
                        + "AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])", null));
        assertThat(failure).isEqualTo(new ScanFailure("-", "global", "Sts", Failures.NO_CREDENTIALS_HINT));
    }

    @Test
    @DisplayName("a client error (no network, no credentials) and a bug still become one line")
    void clientErrorAndBug() {
        assertThat(Failures.of("1", "r", "EC2", SdkClientException.create("Unable to execute HTTP request: Connect timed out")).message())
                .isEqualTo("ClientError: Unable to execute HTTP request: Connect timed out");
        assertThat(Failures.of("1", "r", "EC2", new NullPointerException("boom")).message())
                .isEqualTo("NullPointerException: boom");
    }
}
