package dev.tally.functions.notifier;

import static dev.tally.functions.support.StreamEvents.n;
import static dev.tally.functions.support.StreamEvents.record;
import static dev.tally.functions.support.StreamEvents.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Notifier: which stream records announce a credit")
class CreditedRenewalFilterTest {
  private static final String RENEWAL_ID = "c7d1c152-120d-53ae-b317-17e3334a5840";
  private final CreditedRenewalFilter filter = new CreditedRenewalFilter();

  @Test
  @DisplayName("INSERT of a CREDITED renewal item: announced, with the fields the SMS needs")
  void insertCredited() {
    assertThat(filter.creditedRenewal(record("INSERT", "100", null, renewal("CREDITED"))))
        .contains(new CreditedRenewal(RENEWAL_ID, "CUST-10042", "FIBER-100", new BigDecimal("25.00")));
  }

  @Test
  @DisplayName("MODIFY of a renewal from PENDING to CREDITED: announced")
  void modifyToCredited() {
    assertThat(filter.creditedRenewal(record("MODIFY", "101", renewal("PENDING"), renewal("CREDITED"))))
        .isPresent();
  }

  @Test
  @DisplayName("MODIFY of an already CREDITED renewal (a re-write): ignored")
  void rewriteOfCredited() {
    assertThat(filter.creditedRenewal(record("MODIFY", "102", renewal("CREDITED"), renewal("CREDITED"))))
        .isEmpty();
  }

  @Test
  @DisplayName("INSERT of a renewal that is not credited yet: ignored")
  void insertPending() {
    assertThat(filter.creditedRenewal(record("INSERT", "103", null, renewal("PENDING")))).isEmpty();
  }

  @Test
  @DisplayName("INSERT and MODIFY of the balance item: ignored")
  void balanceUpdates() {
    assertThat(filter.creditedRenewal(record("INSERT", "104", null, balance("25")))).isEmpty();
    assertThat(filter.creditedRenewal(record("MODIFY", "105", balance("25"), balance("50")))).isEmpty();
  }

  @Test
  @DisplayName("REMOVE of a credited renewal (TTL expiry or a delete): ignored")
  void remove() {
    assertThat(filter.creditedRenewal(record("REMOVE", "106", renewal("CREDITED"), null))).isEmpty();
  }

  @Test
  @DisplayName("a credited renewal without an amount is an error naming the sequence number, not a silent skip")
  void missingAmount() {
    Map<String, AttributeValue> image = renewal("CREDITED");
    image.remove("amount");
    assertThatThrownBy(() -> filter.creditedRenewal(record("INSERT", "107", null, image)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("107").hasMessageContaining("amount");
  }

  @Test
  @DisplayName("a credited renewal whose amount is not a 2-decimal number is an error, not a rounded SMS")
  void oddAmount() {
    Map<String, AttributeValue> image = renewal("CREDITED");
    image.put("amount", n("25.005"));
    assertThatThrownBy(() -> filter.creditedRenewal(record("INSERT", "108", null, image)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("108").hasMessageContaining("25.005");
  }

  @Test
  @DisplayName("the SMS fits one 160-character segment even for the longest plan id and amount")
  void smsLength() {
    String text = SmsText.forCredit(new CreditedRenewal(RENEWAL_ID, "C".repeat(64), "P".repeat(32),
        new BigDecimal("100000.00")));
    assertThat(text).hasSizeLessThanOrEqualTo(SmsText.MAX_LENGTH).matches("[\\x20-\\x7E]+")
        .isEqualTo("Tally: " + "P".repeat(32) + " renewed, 100000.00 credited to your account. Ref c7d1c152");
  }

  static Map<String, AttributeValue> renewal(String status) {
    Map<String, AttributeValue> image = new HashMap<>();
    image.put("pk", s("CUSTOMER#CUST-10042"));
    image.put("sk", s("RENEWAL#" + RENEWAL_ID));
    image.put("type", s("RENEWAL"));
    image.put("renewalId", s(RENEWAL_ID));
    image.put("customerId", s("CUST-10042"));
    image.put("planId", s("FIBER-100"));
    image.put("amount", n("25"));
    image.put("status", s(status));
    image.put("acceptedAt", s("2026-11-30T00:00:01Z"));
    image.put("creditedAt", s("2026-11-30T00:00:02Z"));
    return image;
  }

  static Map<String, AttributeValue> balance(String amount) {
    Map<String, AttributeValue> image = new HashMap<>();
    image.put("pk", s("CUSTOMER#CUST-10042"));
    image.put("sk", s("BALANCE"));
    image.put("type", s("BALANCE"));
    image.put("customerId", s("CUST-10042"));
    image.put("balance", n(amount));
    image.put("activePlan", s("FIBER-100"));
    image.put("status", s("CREDITED")); // even a status-looking attribute on a non-renewal item must not count
    return image;
  }
}
