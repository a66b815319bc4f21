package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tag key to CUR 2.0 resource_tags keys")
class CurTagTest {
    @Test
    @DisplayName("a plain key is tried with user_, as written and normalised to snake case")
    void plain() {
        assertThat(CurTag.of("team").candidates()).containsExactly("user_team");
        assertThat(CurTag.of("CostCenter").candidates()).containsExactly("user_CostCenter", "user_cost_center");
        assertThat(CurTag.of("tally:cost-center").candidates())
                .containsExactly("user_tally:cost-center", "user_tally_cost_center");
    }

    @Test
    @DisplayName("AWS-generated tags take the aws_ prefix; keys already in CUR form are kept")
    void prefixed() {
        assertThat(CurTag.of("aws:createdBy").candidates())
                .containsExactly("aws_createdBy", "aws_created_by");
        assertThat(CurTag.of("user_team").candidates()).containsExactly("user_team");
    }
}
