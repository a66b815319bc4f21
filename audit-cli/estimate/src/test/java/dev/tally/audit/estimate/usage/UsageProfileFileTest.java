package dev.tally.audit.estimate.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.estimate.price.PricerCatalog;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageProfileFileTest {
    private static final PricerCatalog CATALOG = PricerCatalog.standard();

    @ParameterizedTest
    @ValueSource(strings = {"renewal", "portal", "eks", "legacy-fleet"})
    @DisplayName("every bundled profile reads cleanly and states its assumptions")
    void bundled(String name) {
        UsageProfile profile = UsageProfileFile.load(name, CATALOG);
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.assumptions()).isNotEmpty();
    }

    @Test
    @DisplayName("the first matching rule of a type wins; the type's default covers what no rule matches")
    void precedence() {
        UsageProfile profile = UsageProfileFile.parse("""
                name: t
                defaults:
                  AWS::SQS::Queue: {messagesPerMonth: 7}
                resources:
                  - {type: AWS::SQS::Queue, match: "Staging/*", usage: {messagesPerMonth: 1}}
                  - {type: AWS::SQS::Queue, match: "*/Queue/Resource", usage: {messagesPerMonth: 2}}
                """, "t", CATALOG);
        List<UsageKey> keys = List.of(new UsageKey("messagesPerMonth", "m", 0, ""));
        assertThat(new Usage(keys, profile, "AWS::SQS::Queue", "Staging/S/Queue/Resource", "Q").number("messagesPerMonth"))
                .isEqualTo(1);
        assertThat(new Usage(keys, profile, "AWS::SQS::Queue", "Prod/S/Queue/Resource", "Q").number("messagesPerMonth"))
                .isEqualTo(2);
        Usage fallback = new Usage(keys, profile, "AWS::SQS::Queue", "Prod/S/Dlq/Resource", "Q");
        assertThat(fallback.number("messagesPerMonth")).isEqualTo(7);
        assertThat(fallback.used()).singleElement().satisfies(a -> assertThat(a.origin()).isEqualTo("t default for the type"));
    }

    @Test
    @DisplayName("every problem at once: no name, an unknown field, a figure of the wrong shape, a fleet without a type")
    void problems() {
        assertThatThrownBy(() -> UsageProfileFile.parse("""
                colour: blue
                resources:
                  - {type: AWS::SQS::Queue, usage: {messagesPerMonth: lots}}
                  - {usage: {messagesPerMonth: 1}}
                fleet:
                  - {count: 3}
                """, "bad.yaml", CATALOG)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("bad.yaml: ")
                .hasMessageContaining("unknown field 'colour'")
                .hasMessageContaining("name: required")
                .hasMessageContaining("resources[0].usage.messagesPerMonth: must be a number (messages/month), was 'lots'")
                .hasMessageContaining("resources[1].type: required")
                .hasMessageContaining("fleet[0]: instanceType and a count of 0 or more are required");
        assertThatThrownBy(() -> UsageProfileFile.load("no-such-profile", CATALOG)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("not a bundled profile (bundled: renewal, portal, eks, legacy-fleet)");
    }
}
