package dev.tally.constructs.operations;

import dev.tally.constructs.slo.BurnRateAlarm;
import dev.tally.constructs.slo.ServiceLevelObjective;
import dev.tally.constructs.slo.Severity;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.AlarmBase;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The two places an alarm can go: the <b>page</b> topic (someone is woken up: the error budget is burning fast) and the
 * <b>ticket</b> topic (look at it in working hours). Both are encrypted with one customer-managed key whose policy
 * lets CloudWatch use it (the AWS-managed SNS key does not, so alarms could not publish), rotate yearly, and refuse
 * anything but TLS. Route alarms with {@link #page} and {@link #ticket}: each notifies on ALARM and on OK.
 */
public final class AlarmTopics extends Construct {

  private final Key key;
  private final Topic pageTopic;
  private final Topic ticketTopic;

  /** Creates the key, both topics and their subscriptions. */
  public AlarmTopics(Construct scope, String id, AlarmTopicsProps props) {
    super(scope, id);
    key = Key.Builder.create(this, "Key")
        .description("Encrypts the page and ticket alarm topics; CloudWatch alarms may use it to publish")
        .enableKeyRotation(true)
        .removalPolicy(props.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
        .build();
    // CloudWatch publishes to an encrypted topic with a data key it generates under this key.
    key.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    pageTopic = topic("Page", "Tally page", props.pageSubscribers(), props);
    ticketTopic = topic("Ticket", "Tally ticket", props.ticketSubscribers(), props);
  }

  private Topic topic(String id, String displayName, List<String> subscribers, AlarmTopicsProps props) {
    Topic topic = Topic.Builder.create(this, id + "Topic")
        .displayName(displayName)
        .masterKey(key)
        .enforceSsl(true)
        .build();
    for (int i = 0; i < subscribers.size(); i++) {
      String endpoint = subscribers.get(i);
      // A plain Subscription rather than EmailSubscription/UrlSubscription: only it passes the redrive queue on.
      Subscription.Builder.create(this, id + "Subscriber" + (i + 1))
          .topic(topic)
          .protocol(AlarmTopicsProps.isEmail(endpoint) ? SubscriptionProtocol.EMAIL : SubscriptionProtocol.HTTPS)
          .endpoint(endpoint)
          .deadLetterQueue(props.deliveryFailureQueue())
          .build();
    }
    return topic;
  }

  /** The alarm pages (on ALARM, and again on OK so the pager knows it is over). */
  public void page(AlarmBase alarm) {
    route(alarm, pageTopic);
  }

  /** The alarm opens a ticket (and notifies the ticket topic again on OK). */
  public void ticket(AlarmBase alarm) {
    route(alarm, ticketTopic);
  }

  /**
   * Routes an SLO's burn-rate composites by severity: {@link Severity#PAGE} to the page topic, the rest to tickets.
   * The per-window alarms behind the composites stay silent, so one incident notifies once.
   */
  public void route(ServiceLevelObjective slo) {
    for (BurnRateAlarm alarm : slo.getBurnRateAlarms()) {
      if (alarm.severity() == Severity.PAGE) {
        page(alarm.composite());
      } else {
        ticket(alarm.composite());
      }
    }
  }

  private static void route(AlarmBase alarm, Topic topic) {
    SnsAction action = new SnsAction(topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }

  /** Topic of alarms that page. */
  public Topic getPageTopic() { return pageTopic; }

  /** Topic of alarms that open a ticket. */
  public Topic getTicketTopic() { return ticketTopic; }

  /** The key both topics are encrypted with. */
  public Key getKey() { return key; }
}
