package dev.tally.constructs.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds alarms in a synthesized template that tell nobody: an {@code AWS::CloudWatch::Alarm} or
 * {@code AWS::CloudWatch::CompositeAlarm} with no {@code AlarmActions}, unless a composite alarm's rule references it
 * (the composite is what notifies). Run it over every stack of an app in a test: an unrouted alarm is an outage
 * nobody hears about.
 */
public final class AlarmRoutingAudit {

  private static final List<String> ALARM_TYPES = List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm");

  private AlarmRoutingAudit() {}

  /** Logical ids of the template's alarms that notify nobody, in template order. */
  @SuppressWarnings("unchecked")
  public static List<String> unroutedAlarms(Map<String, Object> template) {
    Map<String, Map<String, Object>> resources =
        (Map<String, Map<String, Object>>) template.getOrDefault("Resources", Map.of());
    StringBuilder compositeRules = new StringBuilder();
    resources.values().stream()
        .filter(r -> "AWS::CloudWatch::CompositeAlarm".equals(r.get("Type")))
        .forEach(r -> compositeRules.append(json(((Map<String, Object>) r.get("Properties")).get("AlarmRule"))));
    List<String> unrouted = new ArrayList<>();
    resources.forEach((logicalId, resource) -> {
      if (!ALARM_TYPES.contains(resource.get("Type"))) {
        return;
      }
      Map<String, Object> properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
      Object actions = properties.get("AlarmActions");
      boolean notifies = actions instanceof List<?> list && !list.isEmpty();
      boolean composed = compositeRules.indexOf("\"" + logicalId + "\"") >= 0;
      if (!notifies && !composed) {
        unrouted.add(logicalId);
      }
    });
    return unrouted;
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a composite alarm rule could not be rendered as JSON", e);
    }
  }
}
