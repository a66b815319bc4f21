package dev.tally.constructs.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Configuration of {@link AlarmTopics}: who is paged, who gets tickets, and where undeliverable notifications go.
 * {@link Builder#build()} reports every invalid prop at once.
 */
public final class AlarmTopicsProps {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$");
  private static final Pattern HTTPS = Pattern.compile("^https://[^\\s,]+$");

  private final List<String> pageSubscribers;
  private final List<String> ticketSubscribers;
  private final IQueue deliveryFailureQueue;
  private final boolean production;

  private AlarmTopicsProps(Builder b) {
    pageSubscribers = b.pageSubscribers == null ? null : List.copyOf(b.pageSubscribers);
    ticketSubscribers = b.ticketSubscribers == null ? null : List.copyOf(b.ticketSubscribers);
    deliveryFailureQueue = b.deliveryFailureQueue;
    production = b.production;
  }

  /** A builder with no subscribers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Who the page topic notifies: e-mail addresses ({@code oncall@isp.example}) and HTTPS endpoints (a chat
   * webhook or an incident tool's SNS endpoint, {@code https://...}). Default none. E-mail subscriptions must be
   * confirmed by their recipient before they receive anything.
   */
  public List<String> pageSubscribers() { return pageSubscribers; }

  /** Who the ticket topic notifies, in the same forms as {@link #pageSubscribers()}. Default none. */
  public List<String> ticketSubscribers() { return ticketSubscribers; }

  /**
   * Required. Where SNS puts notifications it could not deliver to a subscriber (its redrive policy), e.g. the
   * pipeline's failure queue, which is itself alarmed.
   */
  public IQueue deliveryFailureQueue() { return deliveryFailureQueue; }

  /** {@code true}: the topics' key is retained when the stack is deleted. Default {@code false}. */
  public boolean production() { return production; }

  /** Builds {@link AlarmTopicsProps}. */
  public static final class Builder {
    private List<String> pageSubscribers = List.of();
    private List<String> ticketSubscribers = List.of();
    private IQueue deliveryFailureQueue;
    private boolean production;

    private Builder() {}

    /** @see AlarmTopicsProps#pageSubscribers() */
    public Builder pageSubscribers(List<String> v) { pageSubscribers = v == null ? null : new ArrayList<>(v); return this; }
    /** @see AlarmTopicsProps#ticketSubscribers() */
    public Builder ticketSubscribers(List<String> v) { ticketSubscribers = v == null ? null : new ArrayList<>(v); return this; }
    /** @see AlarmTopicsProps#deliveryFailureQueue() */
    public Builder deliveryFailureQueue(IQueue v) { deliveryFailureQueue = v; return this; }
    /** @see AlarmTopicsProps#production() */
    public Builder production(boolean v) { production = v; return this; }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming every invalid prop
     */
    public AlarmTopicsProps build() {
      AlarmTopicsProps props = new AlarmTopicsProps(this);
      List<String> problems = new ArrayList<>();
      checkSubscribers("pageSubscribers", props.pageSubscribers, problems);
      checkSubscribers("ticketSubscribers", props.ticketSubscribers, problems);
      if (props.deliveryFailureQueue == null) {
        problems.add("deliveryFailureQueue is required (e.g. pipeline.getFailureQueue())");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("AlarmTopicsProps invalid: " + String.join("; ", problems));
      }
      return props;
    }
  }

  /** {@code true} for an e-mail address, {@code false} for an HTTPS endpoint (callers check validity first). */
  static boolean isEmail(String subscriber) {
    return EMAIL.matcher(subscriber).matches();
  }

  private static void checkSubscribers(String prop, List<String> subscribers, List<String> problems) {
    if (subscribers == null) {
      problems.add(prop + " must be a list (empty for none)");
      return;
    }
    for (String s : subscribers) {
      if (s == null || !(EMAIL.matcher(s).matches() || HTTPS.matcher(s).matches())) {
        problems.add(prop + " entry must be an e-mail address (oncall@isp.example) or an https:// endpoint (was "
            + s + ")");
      }
    }
  }
}
