package dev.tally.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@DisplayName("Alarm subscribers from context, per environment")
class AlarmSubscribersTest {

    private static Template production;

    @BeforeAll
    static void synthesizeProductionWithSubscribers() {
        Map<String, Object> context = new HashMap<>(CdkJsonContext.forTests());
        context.put("alarms.production.page", "oncall@isp.example, https://chat.isp.example/hooks/T0/B0");
        context.put("alarms.production.ticket", List.of("platform@isp.example"));
        App app = new App(AppProps.builder().context(context).build());
        AppSettings settings = AppSettings.from(key -> app.getNode().tryGetContext(key));
        EnvironmentStage stage = new EnvironmentStage(app, EnvironmentSizing.PRODUCTION, settings);
        production = Template.fromStack(stage.getRenewal());
    }

    @Test
    @DisplayName("a comma-separated value subscribes an e-mail address and a chat webhook to the page topic")
    void pageSubscribersFromContext() {
        production.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "email", "Endpoint", "oncall@isp.example")));
        production.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "https", "Endpoint", "https://chat.isp.example/hooks/T0/B0")));
    }

    @Test
    @DisplayName("a JSON list (as in cdk.json) subscribes the ticket topic")
    void ticketSubscribersFromList() {
        production.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "email", "Endpoint", "platform@isp.example")));
        production.resourceCountIs("AWS::SNS::Subscription", 3);
    }

    @Test
    @DisplayName("without context an environment's topics have no subscribers")
    void noneByDefault() {
        AlarmSubscribers none = AlarmSubscribers.from(key -> null, EnvironmentSizing.STAGING);
        assertThat(none.page()).isEmpty();
        assertThat(none.ticket()).isEmpty();
    }

    @Test
    @DisplayName("a bad entry is refused with its key and an example of the fix")
    void badEntryNamed() {
        assertThatThrownBy(() -> AlarmSubscribers.from(
                key -> key.equals("alarms.staging.ticket") ? "ops-team, http://insecure.example" : null,
                EnvironmentSizing.STAGING))
                .isInstanceOf(InvalidAppSettingsException.class)
                .hasMessageContaining("alarms.staging.ticket entry 'ops-team'")
                .hasMessageContaining("alarms.staging.ticket entry 'http://insecure.example'")
                .hasMessageContaining("-c alarms.staging.ticket=oncall@isp.example");
    }
}
