package dev.tally.audit.scan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("inventory model")
class ModelTest {
    @Test
    @DisplayName("resource types come from the ARN as service:type")
    void resourceTypes() {
        assertThat(ResourceTypes.ofArn("arn:aws:ec2:eu-west-1:111111111111:instance/i-1")).isEqualTo("ec2:instance");
        assertThat(ResourceTypes.ofArn("arn:aws:s3:::my-bucket")).isEqualTo("s3:bucket");
        assertThat(ResourceTypes.ofArn("arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/a/b"))
                .isEqualTo("elasticloadbalancing:loadbalancer");
        assertThat(ResourceTypes.ofArn("arn:aws:lambda:eu-west-1:1:function:ingest")).isEqualTo("lambda:function");
        assertThat(ResourceTypes.ofArn("arn:aws:sqs:eu-west-1:1:queue")).isEqualTo("sqs");
        assertThat(ResourceTypes.ofArn("not-an-arn")).isEqualTo("unknown");
    }

    @Test
    @DisplayName("a daily series refuses days outside its window and is immutable")
    void dailySeries() {
        LocalDate first = LocalDate.of(2026, 11, 9);
        LocalDate last = LocalDate.of(2026, 11, 22);
        TreeMap<LocalDate, InstanceDay> days = new TreeMap<>(Map.of(last.plusDays(1), new InstanceDay(1, 1)));
        assertThatThrownBy(() -> new DailySeries<>(first, last, days)).hasMessageContaining("outside the window");
        DailySeries<InstanceDay> ok = new DailySeries<>(first, last, new TreeMap<>(Map.of(first, new InstanceDay(1, 1))));
        assertThatThrownBy(() -> ok.days().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ok.on(last)).isEmpty();
    }

    @Test
    @DisplayName("values that cannot be measured are refused: negative CPU, healthy above registered, bad account ids")
    void validation() {
        assertThatThrownBy(() -> new InstanceDay(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetHealthCount(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAccount.of("12345")).hasMessageContaining("12 digits");
        assertThat(InstanceState.fromAws("shutting-down")).isEqualTo(InstanceState.SHUTTING_DOWN);
    }

    @Test
    @DisplayName("Block Public Access levels combine flag by flag")
    void blockPublicAccess() {
        BlockPublicAccess account = new BlockPublicAccess(true, false, false, true);
        BlockPublicAccess bucket = new BlockPublicAccess(false, true, false, false);
        assertThat(account.or(bucket)).isEqualTo(new BlockPublicAccess(true, true, false, true));
        assertThat(account.or(bucket).allOn()).isFalse();
        assertThat(BlockPublicAccess.ALL_ON.allOn()).isTrue();
    }
}
