package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SuppressionPath: which construct a suppression names")
class SuppressionPathTest {

    @Test
    @DisplayName("an exact path matches that construct, with or without the leading slash")
    void exact() {
        SuppressionPath path = SuppressionPath.parse("/Staging/Renewal/Queue/Resource");
        assertThat(path.matches("Staging/Renewal/Queue/Resource")).isTrue();
        assertThat(path.matches("/Staging/Renewal/Queue/Resource")).isTrue();
        assertThat(path.matches("Production/Renewal/Queue/Resource")).isFalse();
    }

    @Test
    @DisplayName("a path naming an L2 construct matches its Resource child, as in cdk-nag")
    void l2MatchesDefaultChild() {
        SuppressionPath path = SuppressionPath.parse("/Staging/Renewal/Queue");
        assertThat(path.matches("Staging/Renewal/Queue/Resource")).isTrue();
        assertThat(path.matches("Staging/Renewal/Queue/Policy/Resource")).isFalse();
    }

    @Test
    @DisplayName("'*' stands for exactly one segment, never a subtree")
    void wildcardIsOneSegment() {
        SuppressionPath path = SuppressionPath.parse("/*/Renewal/Queue/Resource");
        assertThat(path.matches("Staging/Renewal/Queue/Resource")).isTrue();
        assertThat(path.matches("Production/Renewal/Queue/Resource")).isTrue();
        assertThat(path.matches("Renewal/Queue/Resource")).isFalse();
        assertThat(path.matches("A/B/Renewal/Queue/Resource")).isFalse();
    }

    @Test
    @DisplayName("a prefix of a path does not match its children")
    void noPrefixMatch() {
        assertThat(SuppressionPath.parse("/Staging/Renewal").matches("Staging/Renewal/Queue/Resource")).isFalse();
    }
}
