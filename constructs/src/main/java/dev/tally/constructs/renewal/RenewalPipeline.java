package dev.tally.constructs.renewal;

import dev.tally.constructs.defaults.DynamoDbDefaults;
import dev.tally.constructs.defaults.LambdaDefaults;
import dev.tally.constructs.defaults.SnsDefaults;
import dev.tally.constructs.defaults.SqsDefaults;
import dev.tally.constructs.renewal.PipelineFunctionFactory.FunctionSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * A burst-tolerant renewal pipeline for an ISP whose customers all renew on the same days of the month.
 *
 * <pre>
 * POST /renewals ─► ingest λ ─► SQS buffer (─► DLQ) ─► worker λ (drains at workerMaxConcurrency)
 *                                                        │ conditional balance update, then renewal record
 *                                                        ▼
 * GET /balance/{id} ─► balance λ:live ◄── DynamoDB ── stream (CREDITED renewals only) ─► notifier λ ─► SNS (SMS)
 *  (provisioned concurrency in the renewal window only)        failures ─► failure queue
 * </pre>
 *
 * <p>Every resource is encrypted and TLS-only, every function has its own inline least-privilege role, and the
 * construct synthesizes without errors under cdk-nag's AwsSolutions and Serverless packs; the few remaining
 * suppressions are per resource and explain themselves. Configure it with {@link RenewalPipelineProps}.
 */
public final class RenewalPipeline extends Construct {

  /** Handler of the ingest function (API → queue). */
  public static final String INGEST_HANDLER = "dev.tally.functions.ingest.IngestHandler::handleRequest";
  /** Handler of the worker function (queue → table). */
  public static final String WORKER_HANDLER = "dev.tally.functions.worker.WorkerHandler::handleRequest";
  /** Handler of the notifier function (table stream → topic). */
  public static final String NOTIFIER_HANDLER = "dev.tally.functions.notifier.NotifierHandler::handleRequest";
  /** Handler of the balance function (API → table). */
  public static final String BALANCE_HANDLER = "dev.tally.functions.balance.BalanceHandler::handleRequest";
  /** Table partition key attribute (String). */
  public static final String PARTITION_KEY = "pk";
  /** Table sort key attribute (String); renewal items start with {@link #RENEWAL_SORT_KEY_PREFIX}. */
  public static final String SORT_KEY = "sk";
  /** Sort-key prefix of renewal items. */
  public static final String RENEWAL_SORT_KEY_PREFIX = "RENEWAL#";
  /** Attribute holding a renewal's state. */
  public static final String STATUS_ATTRIBUTE = "status";
  /** Status of a renewal whose amount has been credited: the event customers are told about. */
  public static final String CREDITED_STATUS = "CREDITED";
  /** Handler of the CodeDeploy pre-traffic hooks of the ingest and balance deployments. */
  public static final String PRE_TRAFFIC_HOOK_HANDLER = LiveAliasDeployments.HOOK_HANDLER;
  /** Name of every function's alias; the balance function's is kept warm during the renewal window. */
  public static final String LIVE_ALIAS_NAME = "live";

  private final RenewalPipelineProps props;
  private final Queue deadLetterQueue;
  private final Queue failureQueue;
  private final Queue queue;
  private final Table table;
  private final Topic topic;
  private final Function ingestFunction;
  private final Function workerFunction;
  private final Function notifierFunction;
  private final Function balanceFunction;
  private final Alias ingestAlias;
  private final Alias workerAlias;
  private final Alias notifierAlias;
  private final Alias balanceAlias;
  private final RestApi api;
  private final List<Alarm> alarms;
  private final LambdaDeploymentGroup ingestDeployment;
  private final LambdaDeploymentGroup balanceDeployment;

  /**
   * Creates the pipeline.
   *
   * @param props validated by {@link RenewalPipelineProps.Builder#build()}; must not be null
   */
  public RenewalPipeline(Construct scope, String id, RenewalPipelineProps props) {
    super(scope, id);
    if (props == null) {
      throw new InvalidRenewalPipelinePropsException(List.of("props are required (RenewalPipelineProps.builder())"));
    }
    this.props = props;
    // Always the 14-day maximum: a message keeps its original enqueue time when it is dead-lettered, so a DLQ
    // retaining no longer than its source would let failed renewals expire almost as soon as they arrive.
    deadLetterQueue = new Queue(this, "DeadLetterQueue", SqsDefaults.encryptedQueueProps().build());
    failureQueue = new Queue(this, "FailureQueue", SqsDefaults.encryptedQueueProps().build());
    queue = new Queue(this, "Queue", SqsDefaults.encryptedQueueProps()
        .retentionPeriod(props.queueRetentionPeriod())
        .visibilityTimeout(props.queueVisibilityTimeout())
        .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetterQueue).maxReceiveCount(props.maxReceiveCount())
            .build())
        .build());
    table = createTable();
    topic = createTopic();

    PipelineFunctionFactory functions = new PipelineFunctionFactory(this, props, failureQueue);
    boolean snap = props.snapStart();
    ingestFunction = functions.create(new FunctionSpec("Ingest", INGEST_HANDLER, props.ingestMemorySize(),
        props.ingestTimeout(), Map.of("QUEUE_URL", queue.getQueueUrl()), null, snap));
    workerFunction = functions.create(new FunctionSpec("Worker", WORKER_HANDLER, props.workerMemorySize(),
        props.workerTimeout(), Map.of("TABLE_NAME", table.getTableName()),
        props.reserveWorkerConcurrency() ? props.workerMaxConcurrency() : null, snap));
    notifierFunction = functions.create(new FunctionSpec("Notifier", NOTIFIER_HANDLER, props.notifierMemorySize(),
        props.notifierTimeout(), Map.of("TOPIC_ARN", topic.getTopicArn()), null, snap));
    // Never SnapStart here: SnapStart and provisioned concurrency cannot share a function version.
    balanceFunction = functions.create(new FunctionSpec("Balance", BALANCE_HANDLER, props.balanceMemorySize(),
        props.balanceTimeout(), Map.of("TABLE_NAME", table.getTableName()), null, false));
    // Every function is invoked through its "live" alias: SnapStart only applies to published versions, and one
    // shape for all four keeps traffic shifting and rollbacks uniform.
    ingestAlias = liveAlias("Ingest", ingestFunction);
    workerAlias = liveAlias("Worker", workerFunction);
    notifierAlias = liveAlias("Notifier", notifierFunction);
    balanceAlias = liveAlias("Balance", balanceFunction);

    wireIngest();
    wireWorker();
    wireNotifier();
    wireBalance();
    api = new RenewalApiFactory(this, props).create(ingestAlias, balanceAlias);
    PipelineAlarms pipelineAlarms = createAlarms();
    alarms = pipelineAlarms.alarms();
    // The user-facing aliases shift through CodeDeploy; worker and notifier are fed by event source mappings, which
    // cannot split traffic between versions, so their aliases move at once.
    LiveAliasDeployments deployments = new LiveAliasDeployments(this, props, functions);
    ingestDeployment = deployments.create("Ingest", ingestFunction, ingestAlias,
        pipelineAlarms.errorsAlarm("Ingest"), LiveAliasDeployments.INGEST_PROBE, "400");
    balanceDeployment = deployments.create("Balance", balanceFunction, balanceAlias,
        pipelineAlarms.errorsAlarm("Balance"), LiveAliasDeployments.BALANCE_PROBE, "200,404");
    applyIntrinsicSuppressions();
  }

  /** The attribute the worker sets on renewal items; DynamoDB TTL removes them for free (no write cost). */
  static final String RENEWAL_EXPIRY_ATTRIBUTE = "expiresAt";

  private Table createTable() {
    TableProps.Builder table = DynamoDbDefaults.tableProps()
        .partitionKey(Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
        .sortKey(Attribute.builder().name(SORT_KEY).type(AttributeType.STRING).build())
        .stream(StreamViewType.NEW_AND_OLD_IMAGES)
        // The worker stamps renewal items with expiresAt (epoch seconds, 400 days on): they are the dedupe record,
        // needed only while a redelivery is possible plus the audit year; the balance item has none and stays.
        .timeToLiveAttribute(RENEWAL_EXPIRY_ATTRIBUTE)
        .deletionProtection(props.production())
        .removalPolicy(props.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
    if (props.tableEncryptionKey() != null) {
      table.encryption(TableEncryption.CUSTOMER_MANAGED).encryptionKey(props.tableEncryptionKey());
    }
    return new Table(this, "Table", table.build());
  }

  private Topic createTopic() {
    IKey awsManagedKey = software.amazon.awscdk.services.kms.Alias.fromAliasName(
        this, "AwsManagedSnsKey", SnsDefaults.AWS_MANAGED_SNS_KEY_ALIAS);
    Topic created = new Topic(this, "Topic", SnsDefaults.encryptedTopicProps(awsManagedKey)
        .displayName("Renewals")
        .build());
    // A plain Subscription rather than SmsSubscription: only it passes the dead-letter queue (redrive policy) on.
    for (String number : props.smsSubscribers()) {
      Subscription.Builder.create(this, "Sms" + number.substring(1))
          .topic(created)
          .protocol(SubscriptionProtocol.SMS)
          .endpoint(number)
          .deadLetterQueue(failureQueue)
          .build();
    }
    return created;
  }

  private void wireIngest() {
    queue.grantSendMessages(ingestFunction);
  }

  private void wireWorker() {
    // Exactly-once crediting is three single-item calls (docs/functions.md): a consistent GetItem of the renewal
    // record, a conditional UpdateItem of the balance, a conditional PutItem of the record. Nothing else.
    table.grant(workerFunction, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    workerAlias.addEventSource(new SqsEventSource(queue, SqsEventSourceProps.builder()
        .batchSize(props.workerBatchSize())
        .maxBatchingWindow(props.workerMaxBatchingWindow())
        .maxConcurrency(props.workerMaxConcurrency())
        .reportBatchItemFailures(true)
        .build()));
  }

  private void wireNotifier() {
    topic.grantPublish(notifierFunction);
    notifierAlias.addEventSource(new DynamoEventSource(table, DynamoEventSourceProps.builder()
        .startingPosition(StartingPosition.TRIM_HORIZON)
        .batchSize(props.notifierBatchSize())
        .bisectBatchOnError(true)
        .retryAttempts(props.notifierRetryAttempts())
        .maxRecordAge(props.notifierMaxRecordAge())
        .reportBatchItemFailures(true)
        .onFailure(new SqsDlq(failureQueue))
        .filters(creditedRenewalFilters())
        .build()));
  }

  /**
   * Only renewals that became CREDITED: inserted as CREDITED, or modified from another status to CREDITED. A later
   * update of an already credited item does not match, so it does not send a second SMS.
   */
  static List<Map<String, Object>> creditedRenewalFilters() {
    Map<String, Object> creditedRenewal = Map.of(
        STATUS_ATTRIBUTE, Map.of("S", FilterRule.isEqual(CREDITED_STATUS)),
        SORT_KEY, Map.of("S", FilterRule.beginsWith(RENEWAL_SORT_KEY_PREFIX)));
    return List.of(
        FilterCriteria.filter(Map.of(
            "eventName", FilterRule.isEqual("INSERT"),
            "dynamodb", Map.of("NewImage", creditedRenewal))),
        FilterCriteria.filter(Map.of(
            "eventName", FilterRule.isEqual("MODIFY"),
            "dynamodb", Map.of(
                "NewImage", creditedRenewal,
                "OldImage", Map.of(STATUS_ATTRIBUTE, Map.of("S", FilterRule.notEquals(CREDITED_STATUS)))))));
  }

  private Alias liveAlias(String id, Function function) {
    Alias alias = Alias.Builder.create(this, id + "LiveAlias")
        .aliasName(LIVE_ALIAS_NAME)
        .version(function.getCurrentVersion())
        .build();
    // The CDK warns at construction time, before the version above exists, that SnapStart needs one.
    Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
        "Published: every deployment publishes currentVersion and the live alias points at it");
    return alias;
  }

  private void wireBalance() {
    table.grant(balanceFunction, "dynamodb:GetItem");
    RenewalWindowScaling.apply(balanceAlias, props);
  }

  private PipelineAlarms createAlarms() {
    PipelineAlarms created = new PipelineAlarms(this, props.alarmTopic());
    created.onAnyMessage("DeadLetterQueueAlarm", deadLetterQueue,
        "Renewals failed " + props.maxReceiveCount() + " times and wait in the dead-letter queue");
    created.onAnyMessage("FailureQueueAlarm", failureQueue,
        "A notification or asynchronous invocation failed and waits in the failure queue");
    created.onOldestMessageAge("QueueAgeAlarm", queue, props.oldestMessageAgeAlarmThreshold());
    created.onErrorsAndThrottles("Ingest", ingestFunction);
    created.onErrorsAndThrottles("Worker", workerFunction);
    created.onErrorsAndThrottles("Notifier", notifierFunction);
    created.onErrorsAndThrottles("Balance", balanceFunction);
    created.onProvisionedConcurrencySpillover("BalanceSpilloverAlarm", balanceAlias);
    return created;
  }

  private void applyIntrinsicSuppressions() {
    for (Function function : functions()) {
      PipelineNagSuppressions.unscopableActions(function, function == notifierFunction);
      if (props.runtime().runtimeEquals(LambdaDefaults.DEFAULT_JAVA_RUNTIME)) {
        PipelineNagSuppressions.pinnedLtsRuntime(function, props.runtime());
      }
    }
    PipelineNagSuppressions.terminalQueue(deadLetterQueue);
    PipelineNagSuppressions.terminalQueue(failureQueue);
    PipelineNagSuppressions.sqsEventSourceWithoutDestination(workerAlias);
    AuthorizationType authorization = props.apiAuthorizer() == null
        ? AuthorizationType.IAM : props.apiAuthorizer().getAuthorizationType();
    if (authorization != AuthorizationType.COGNITO) {
      PipelineNagSuppressions.nonCognitoAuthorization(api, authorization);
    }
    if (props.apiGatewayCloudWatchRole()) {
      PipelineNagSuppressions.executionLogRole(getNode().findChild("ApiGatewayCloudWatchRole"));
    }
  }

  private List<Function> functions() {
    return List.of(ingestFunction, workerFunction, notifierFunction, balanceFunction);
  }

  /**
   * Lets {@code grantee} (e.g. the billing back-end's role) call {@code POST /renewals} on this stage: with the
   * default IAM authorization that is the only way in.
   */
  public Grant grantSubmitRenewals(IGrantable grantee) {
    return grantInvoke(grantee, "POST", "/renewals");
  }

  /** Lets {@code grantee} call {@code GET /balance/{customerId}} for any customer on this stage. */
  public Grant grantReadBalance(IGrantable grantee) {
    return grantInvoke(grantee, "GET", "/balance/*");
  }

  /**
   * Lets {@code grantee} (the ISP's customer provisioning) subscribe customers' phone numbers to the topic at run
   * time, each with a filter policy such as {@code {"customerId": ["c-123"]}}: the notifier sets that message
   * attribute on every notification, so each customer receives only their own SMS.
   */
  public Grant grantSubscribeCustomers(IGrantable grantee) {
    return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
        .grantee(grantee)
        .actions(List.of("sns:Subscribe"))
        .resourceArns(List.of(topic.getTopicArn()))
        .build());
  }

  private Grant grantInvoke(IGrantable grantee, String method, String path) {
    return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
        .grantee(grantee)
        .actions(List.of("execute-api:Invoke"))
        .resourceArns(List.of(api.arnForExecuteApi(method, path, api.getDeploymentStage().getStageName())))
        .build());
  }

  /** The props this pipeline was built with. */
  public RenewalPipelineProps getProps() { return props; }

  /** The REST API ({@code POST /renewals}, {@code GET /balance/{customerId}}). */
  public RestApi getApi() { return api; }

  /** The buffer between ingest and worker. */
  public Queue getQueue() { return queue; }

  /** Where renewals land after {@code maxReceiveCount} failed deliveries. */
  public Queue getDeadLetterQueue() { return deadLetterQueue; }

  /** Failed notifier stream batches, failed SMS deliveries and failed asynchronous invocations of any function. */
  public Queue getFailureQueue() { return failureQueue; }

  /** Renewals and balances ({@code pk}/{@code sk}, stream NEW_AND_OLD_IMAGES). */
  public Table getTable() { return table; }

  /** Where credited renewals are announced (SMS). */
  public Topic getTopic() { return topic; }

  /** The {@code live} alias of the ingest function, which the API invokes. */
  public Alias getIngestAlias() { return ingestAlias; }

  /** The {@code live} alias of the worker function, which the queue's event source mapping invokes. */
  public Alias getWorkerAlias() { return workerAlias; }

  /** The {@code live} alias of the notifier function, which the table stream's event source mapping invokes. */
  public Alias getNotifierAlias() { return notifierAlias; }

  /** API → queue. */
  public Function getIngestFunction() { return ingestFunction; }

  /** Queue → table. */
  public Function getWorkerFunction() { return workerFunction; }

  /** Table stream → topic. */
  public Function getNotifierFunction() { return notifierFunction; }

  /** API → table, read-only. */
  public Function getBalanceFunction() { return balanceFunction; }

  /** The {@code live} alias of the balance function, warm during the renewal window. */
  public Alias getBalanceAlias() { return balanceAlias; }

  /** Every threshold alarm the pipeline created (not the deployments' or SLOs'). */
  public List<Alarm> getAlarms() { return alarms; }

  /**
   * CodeDeploy's deployment group of the ingest {@code live} alias: rolls back on the ingest errors alarm; add more
   * with {@code addAlarm} (e.g. an SLO's burn-rate alarms).
   */
  public LambdaDeploymentGroup getIngestDeployment() { return ingestDeployment; }

  /** CodeDeploy's deployment group of the balance {@code live} alias; rolls back on the balance errors alarm. */
  public LambdaDeploymentGroup getBalanceDeployment() { return balanceDeployment; }

  /**
   * The CDK idiom: {@code RenewalPipeline.Builder.create(scope, id).functionCode(code)...build()}. Each setter is the
   * {@link RenewalPipelineProps.Builder} setter of the same name.
   */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final RenewalPipelineProps.Builder props = RenewalPipelineProps.builder();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /** Starts a pipeline named {@code id} in {@code scope}. */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }
    /** @see RenewalPipelineProps#functionCode() */
    public Builder functionCode(Code v) { props.functionCode(v); return this; }
    /** @see RenewalPipelineProps#runtime() */
    public Builder runtime(Runtime v) { props.runtime(v); return this; }
    /** @see RenewalPipelineProps#production() */
    public Builder production(boolean v) { props.production(v); return this; }
    /** @see RenewalPipelineProps#snapStart() */
    public Builder snapStart(boolean v) { props.snapStart(v); return this; }
    /** @see RenewalPipelineProps#apiAuthorizer() */
    public Builder apiAuthorizer(IAuthorizer v) { props.apiAuthorizer(v); return this; }
    /** @see RenewalPipelineProps#apiStageName() */
    public Builder apiStageName(String v) { props.apiStageName(v); return this; }
    /** @see RenewalPipelineProps#apiThrottlingRateLimit() */
    public Builder apiThrottlingRateLimit(double v) { props.apiThrottlingRateLimit(v); return this; }
    /** @see RenewalPipelineProps#apiThrottlingBurstLimit() */
    public Builder apiThrottlingBurstLimit(int v) { props.apiThrottlingBurstLimit(v); return this; }
    /** @see RenewalPipelineProps#apiGatewayCloudWatchRole() */
    public Builder apiGatewayCloudWatchRole(boolean v) { props.apiGatewayCloudWatchRole(v); return this; }
    /** @see RenewalPipelineProps#apiWebAclArn() */
    public Builder apiWebAclArn(String v) { props.apiWebAclArn(v); return this; }
    /** @see RenewalPipelineProps#logRetention() */
    public Builder logRetention(RetentionDays v) { props.logRetention(v); return this; }
    /** @see RenewalPipelineProps#ingestMemorySize() */
    public Builder ingestMemorySize(int v) { props.ingestMemorySize(v); return this; }
    /** @see RenewalPipelineProps#ingestTimeout() */
    public Builder ingestTimeout(Duration v) { props.ingestTimeout(v); return this; }
    /** @see RenewalPipelineProps#workerMemorySize() */
    public Builder workerMemorySize(int v) { props.workerMemorySize(v); return this; }
    /** @see RenewalPipelineProps#workerTimeout() */
    public Builder workerTimeout(Duration v) { props.workerTimeout(v); return this; }
    /** @see RenewalPipelineProps#workerBatchSize() */
    public Builder workerBatchSize(int v) { props.workerBatchSize(v); return this; }
    /** @see RenewalPipelineProps#workerMaxBatchingWindow() */
    public Builder workerMaxBatchingWindow(Duration v) { props.workerMaxBatchingWindow(v); return this; }
    /** @see RenewalPipelineProps#workerMaxConcurrency() */
    public Builder workerMaxConcurrency(int v) { props.workerMaxConcurrency(v); return this; }
    /** @see RenewalPipelineProps#reserveWorkerConcurrency() */
    public Builder reserveWorkerConcurrency(boolean v) { props.reserveWorkerConcurrency(v); return this; }
    /** @see RenewalPipelineProps#queueVisibilityTimeout() */
    public Builder queueVisibilityTimeout(Duration v) { props.queueVisibilityTimeout(v); return this; }
    /** @see RenewalPipelineProps#queueRetentionPeriod() */
    public Builder queueRetentionPeriod(Duration v) { props.queueRetentionPeriod(v); return this; }
    /** @see RenewalPipelineProps#maxReceiveCount() */
    public Builder maxReceiveCount(int v) { props.maxReceiveCount(v); return this; }
    /** @see RenewalPipelineProps#oldestMessageAgeAlarmThreshold() */
    public Builder oldestMessageAgeAlarmThreshold(Duration v) { props.oldestMessageAgeAlarmThreshold(v); return this; }
    /** @see RenewalPipelineProps#notifierMemorySize() */
    public Builder notifierMemorySize(int v) { props.notifierMemorySize(v); return this; }
    /** @see RenewalPipelineProps#notifierTimeout() */
    public Builder notifierTimeout(Duration v) { props.notifierTimeout(v); return this; }
    /** @see RenewalPipelineProps#notifierBatchSize() */
    public Builder notifierBatchSize(int v) { props.notifierBatchSize(v); return this; }
    /** @see RenewalPipelineProps#notifierRetryAttempts() */
    public Builder notifierRetryAttempts(int v) { props.notifierRetryAttempts(v); return this; }
    /** @see RenewalPipelineProps#notifierMaxRecordAge() */
    public Builder notifierMaxRecordAge(Duration v) { props.notifierMaxRecordAge(v); return this; }
    /** @see RenewalPipelineProps#balanceMemorySize() */
    public Builder balanceMemorySize(int v) { props.balanceMemorySize(v); return this; }
    /** @see RenewalPipelineProps#balanceTimeout() */
    public Builder balanceTimeout(Duration v) { props.balanceTimeout(v); return this; }
    /** @see RenewalPipelineProps#balanceProvisionedConcurrency() */
    public Builder balanceProvisionedConcurrency(int v) { props.balanceProvisionedConcurrency(v); return this; }
    /** @see RenewalPipelineProps#renewalWindowStartDay() */
    public Builder renewalWindowStartDay(int v) { props.renewalWindowStartDay(v); return this; }
    /** @see RenewalPipelineProps#renewalWindowEndDay() */
    public Builder renewalWindowEndDay(int v) { props.renewalWindowEndDay(v); return this; }
    /** @see RenewalPipelineProps#renewalWindowLeadHours() */
    public Builder renewalWindowLeadHours(int v) { props.renewalWindowLeadHours(v); return this; }
    /** @see RenewalPipelineProps#tableEncryptionKey() */
    public Builder tableEncryptionKey(IKey v) { props.tableEncryptionKey(v); return this; }
    /** @see RenewalPipelineProps#smsSubscribers() */
    public Builder smsSubscribers(List<String> v) { props.smsSubscribers(v); return this; }
    /** @see RenewalPipelineProps#alarmTopic() */
    public Builder alarmTopic(ITopic v) { props.alarmTopic(v); return this; }
    /** @see RenewalPipelineProps#deploymentConfig() */
    public Builder deploymentConfig(ILambdaDeploymentConfig v) { props.deploymentConfig(v); return this; }

    /**
     * Validates the props and creates the pipeline.
     *
     * @throws InvalidRenewalPipelinePropsException naming every invalid prop, if any
     */
    public RenewalPipeline build() {
      return new RenewalPipeline(scope, id, props.build());
    }
  }
}
