package dev.tally.apps;

import dev.tally.constructs.portal.CustomerPortal;
import dev.tally.constructs.portal.CustomerPortalProps;
import java.nio.file.Path;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * The customer portal of one environment: a {@link CustomerPortal} sized by {@link PortalSizing}. Context keys (all
 * optional): {@code portalImageTag} (the release to run from the ECR repository {@value #REPOSITORY}, default
 * {@value #DEFAULT_IMAGE_TAG}) and {@code portalCertificateArn} (the ACM certificate of the HTTPS listener).
 */
public final class PortalStack extends Stack {

    /** Construct id of the portal inside the stack; part of every resource path (and suppression path). */
    public static final String PORTAL_ID = "Portal";
    /** ECR repository of the portal image (created outside this app, by the portal's own build). */
    public static final String REPOSITORY = "tally/customer-portal";
    /** The image tag used when {@code portalImageTag} is not given. */
    public static final String DEFAULT_IMAGE_TAG = "2026.12.0";

    private final CustomerPortal portal;

    public PortalStack(Construct scope, String id, StackProps props, EnvironmentSizing environment,
            Path functionsJar) {
        super(scope, id, props);
        PortalSizing sizing = PortalSizing.of(environment);
        Object tag = getNode().tryGetContext("portalImageTag");
        Object certificateArn = getNode().tryGetContext("portalCertificateArn");
        CustomerPortalProps.Builder portalProps = CustomerPortalProps.builder()
                .production(environment.production())
                .ecrRepository(Repository.fromRepositoryName(this, "PortalRepository", REPOSITORY))
                .imageTag(tag == null ? DEFAULT_IMAGE_TAG : tag.toString())
                .importFunctionCode(Code.fromAsset(functionsJar.toString()))
                .minTaskCount(sizing.minTasks())
                .maxTaskCount(sizing.maxTasks())
                .peakMinTaskCount(sizing.peakMinTasks())
                .fargateSpotShare(sizing.fargateSpotShare())
                .databaseInstanceType(sizing.databaseInstanceType())
                .backupRetention(Duration.days(sizing.backupRetentionDays()))
                .logRetention(environment.logRetention());
        if (certificateArn != null) {
            portalProps.certificate(ListenerCertificate.fromArn(certificateArn.toString()));
        } else if (environment.production()) {
            Annotations.of(this).addWarningV2("tally:portalHttpOnly", "The production portal has no certificate and"
                    + " serves plain HTTP: pass -c portalCertificateArn=arn:aws:acm:... before deploying it");
        }
        portal = new CustomerPortal(this, PORTAL_ID, portalProps.build());
    }

    /** The portal, for tests and for stacks that integrate with it. */
    public CustomerPortal getPortal() {
        return portal;
    }
}
