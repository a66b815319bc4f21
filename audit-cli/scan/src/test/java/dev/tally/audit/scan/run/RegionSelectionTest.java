package dev.tally.audit.scan.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("--regions")
class RegionSelectionTest {
    @Test
    @DisplayName("'all' (any case) means every enabled region")
    void all() {
        assertThat(RegionSelection.parse("ALL")).isEqualTo(new RegionSelection(true, java.util.List.of()));
    }

    @Test
    @DisplayName("a list is trimmed, lower-cased and de-duplicated in order")
    void list() {
        assertThat(RegionSelection.parse(" eu-west-1, US-EAST-1 ,eu-west-1").regions())
                .containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    @DisplayName("every unknown region is named; an empty list is refused")
    void unknown() {
        assertThatThrownBy(() -> RegionSelection.parse("eu-west-1,eu-wst-1,moon-1"))
                .hasMessageStartingWith("unknown regions 'eu-wst-1', 'moon-1'");
        assertThatThrownBy(() -> RegionSelection.parse(" , ")).hasMessageStartingWith("no region given");
    }

    @Test
    @DisplayName("known regions are real region codes, without the SDK's global pseudo-regions")
    void known() {
        assertThat(RegionSelection.knownRegions()).contains("us-east-1", "eu-central-1", "ap-southeast-2")
                .doesNotContain("aws-global", "aws-cn-global");
    }
}
