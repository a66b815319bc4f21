package dev.tally.apps;

import dev.tally.constructs.defaults.SqsDefaults;
import dev.tally.constructs.operations.AlarmTopics;
import dev.tally.constructs.operations.AlarmTopicsProps;
import dev.tally.constructs.portal.CustomerPortal;
import dev.tally.constructs.portal.CustomerPortalProps;
import java.nio.file.Path;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sqs.Queue;
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

    /** Construct id of the page and ticket topics. */
    public static final String ALARMS_ID = "Alarms";
    /** Construct id of the queue holding alarm notifications SNS could not deliver. */
    public static final String DELIVERY_FAILURES_ID = "AlarmDeliveryFailures";

    private final CustomerPortal portal;
    private final AlarmTopics alarmTopics;

    public PortalStack(Construct scope, String id, StackProps props, EnvironmentSizing environment,
            Path functionsJar, AlarmSubscribers subscribers) {
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
        alarmTopics = routeAlarms(environment, subscribers);
    }

    /**
     * The environment's page and ticket topics (the same subscribers as the renewal stack's): customer-facing alarms
     * page, the rest open tickets, and an alarm notification SNS could not deliver is itself a ticket.
     */
    private AlarmTopics routeAlarms(EnvironmentSizing environment, AlarmSubscribers subscribers) {
        Queue deliveryFailures = new Queue(this, DELIVERY_FAILURES_ID, SqsDefaults.encryptedQueueProps().build());
        AlarmTopics topics = new AlarmTopics(this, ALARMS_ID, AlarmTopicsProps.builder()
                .pageSubscribers(subscribers.page())
                .ticketSubscribers(subscribers.ticket())
                .deliveryFailureQueue(deliveryFailures)
                .production(environment.production())
                .build());
        for (Alarm alarm : portal.getAlarms()) {
            if (portal.getCustomerFacingAlarms().contains(alarm)) {
                topics.page(alarm);
            } else {
                topics.ticket(alarm);
            }
        }
        topics.ticket(Alarm.Builder.create(this, "AlarmDeliveryFailuresAlarm")
                .metric(deliveryFailures.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription("An alarm notification of the portal could not be delivered to its subscribers")
                .build());
        return topics;
    }

    /** The page and ticket topics the portal's alarms publish to. */
    public AlarmTopics getAlarmTopics() {
        return alarmTopics;
    }

    /** The portal, for tests and for stacks that integrate with it. */
    public CustomerPortal getPortal() {
        return portal;
    }
}
