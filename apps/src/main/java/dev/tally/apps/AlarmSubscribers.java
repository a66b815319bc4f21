package dev.tally.apps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Who an environment's alarms notify, from CDK context (all optional; none means the topics exist with no one
 * subscribed yet):
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code alarms.<env>.page}</td><td>paged when an error budget burns fast, e.g.
 *       {@code -c alarms.production.page=oncall@isp.example,https://chat.isp.example/hooks/T0/B0}</td></tr>
 *   <tr><td>{@code alarms.<env>.ticket}</td><td>told of slow burns and threshold alarms</td></tr>
 * </table>
 *
 * Each value is a comma-separated string or, in {@code cdk.json}, a JSON list of e-mail addresses and {@code https://}
 * endpoints (chat webhooks, incident tools).
 *
 * @param page   page topic subscribers
 * @param ticket ticket topic subscribers
 */
public record AlarmSubscribers(List<String> page, List<String> ticket) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$");
    private static final Pattern HTTPS = Pattern.compile("^https://[^\\s,]+$");

    public AlarmSubscribers {
        page = List.copyOf(page);
        ticket = List.copyOf(ticket);
    }

    /**
     * Reads one environment's subscribers.
     *
     * @throws InvalidAppSettingsException naming each bad entry and its key
     */
    public static AlarmSubscribers from(Function<String, Object> context, EnvironmentSizing environment) {
        List<String> problems = new ArrayList<>();
        List<String> page = read(context, "alarms." + environment.name() + ".page", problems);
        List<String> ticket = read(context, "alarms." + environment.name() + ".ticket", problems);
        if (!problems.isEmpty()) {
            throw new InvalidAppSettingsException(problems);
        }
        return new AlarmSubscribers(page, ticket);
    }

    private static List<String> read(Function<String, Object> context, String key, List<String> problems) {
        Object value = context.apply(key);
        List<String> entries = new ArrayList<>();
        if (value == null) {
            return entries;
        }
        List<?> raw = value instanceof List<?> list ? list : Arrays.asList(value.toString().split(","));
        for (Object entry : raw) {
            String text = String.valueOf(entry).trim();
            if (text.isEmpty()) {
                continue;
            }
            if (EMAIL.matcher(text).matches() || HTTPS.matcher(text).matches()) {
                entries.add(text);
            } else {
                problems.add(key + " entry '" + text + "' is neither an e-mail address nor an https:// endpoint: use"
                        + " e.g. -c " + key + "=oncall@isp.example,https://chat.isp.example/hooks/...");
            }
        }
        return entries;
    }
}
