package dev.tally.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Renewal ids")
class RenewalIdsTest {
  @Test
  @DisplayName("are the same for the same customer and idempotency key")
  void stable() {
    assertThat(RenewalIds.derive("CUST-1", "key-1")).isEqualTo(RenewalIds.derive("CUST-1", "key-1"));
  }

  @Test
  @DisplayName("differ when the key or the customer differs")
  void scoped() {
    assertThat(RenewalIds.derive("CUST-1", "key-1"))
        .isNotEqualTo(RenewalIds.derive("CUST-1", "key-2"))
        .isNotEqualTo(RenewalIds.derive("CUST-2", "key-1"));
  }

  @Test
  @DisplayName("are RFC 4122 version-5 UUIDs, equal to an independent implementation's (Python uuid.uuid5)")
  void version5() {
    String id = RenewalIds.derive("CUST-10042", "2f1c7e4a-renewal-2026-11-30");
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(5);
    assertThat(uuid.variant()).isEqualTo(2);
    // python3 -c 'import uuid; print(uuid.uuid5(uuid.UUID("6f0c9a52-3b1e-5d8a-9c47-1a2b3c4d5e6f"),
    //   "CUST-10042\x002f1c7e4a-renewal-2026-11-30"))'
    assertThat(id).isEqualTo(EXPECTED_FROM_PYTHON);
  }

  private static final String EXPECTED_FROM_PYTHON = "c7d1c152-120d-53ae-b317-17e3334a5840";
}
