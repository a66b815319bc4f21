package dev.tally.functions.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.tally.functions.common.RenewalTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which stream records mean "a renewal just became credited": an {@code INSERT} of a renewal item whose
 * status is {@code CREDITED}, or a {@code MODIFY} that moves a renewal item from another status to
 * {@code CREDITED}. Balance updates, deletes (including TTL expiry) and re-writes of an already-credited renewal
 * yield nothing, so each credit is announced once per stream record. Needs the {@code NEW_AND_OLD_IMAGES} view.
 */
public final class CreditedRenewalFilter {
  /**
   * The credited renewal this record announces, or empty when the record is not one to announce.
   *
   * @throws IllegalArgumentException when a credited renewal image lacks a field the message needs
   */
  public Optional<CreditedRenewal> creditedRenewal(DynamodbEvent.DynamodbStreamRecord record) {
    StreamRecord change = record.getDynamodb();
    if (change == null || record.getEventName() == null) {
      return Optional.empty();
    }
    Map<String, AttributeValue> newImage = change.getNewImage();
    boolean announce = switch (record.getEventName()) {
      case "INSERT" -> isCreditedRenewal(newImage);
      case "MODIFY" -> isCreditedRenewal(newImage) && !isCreditedRenewal(change.getOldImage());
      default -> false;
    };
    return announce ? Optional.of(read(newImage, change.getSequenceNumber())) : Optional.empty();
  }

  private static boolean isCreditedRenewal(Map<String, AttributeValue> image) {
    if (image == null) {
      return false;
    }
    String sk = text(image, RenewalTable.SK);
    return sk != null && sk.startsWith(RenewalTable.RENEWAL_SK_PREFIX)
        && RenewalTable.STATUS_CREDITED.equals(text(image, RenewalTable.STATUS));
  }

  private static CreditedRenewal read(Map<String, AttributeValue> image, String sequenceNumber) {
    return new CreditedRenewal(
        required(image, RenewalTable.RENEWAL_ID, sequenceNumber),
        required(image, RenewalTable.CUSTOMER_ID, sequenceNumber),
        required(image, RenewalTable.PLAN_ID, sequenceNumber),
        amount(image, sequenceNumber));
  }

  private static BigDecimal amount(Map<String, AttributeValue> image, String sequenceNumber) {
    AttributeValue value = image.get(RenewalTable.AMOUNT);
    if (value == null || value.getN() == null) {
      throw new IllegalArgumentException("credited renewal in stream record " + sequenceNumber + " has no amount");
    }
    try {
      return new BigDecimal(value.getN()).setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("credited renewal in stream record " + sequenceNumber
          + " has an amount that is not a 2-decimal number: " + value.getN(), e);
    }
  }

  private static String required(Map<String, AttributeValue> image, String name, String sequenceNumber) {
    String value = text(image, name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("credited renewal in stream record " + sequenceNumber + " has no " + name);
    }
    return value;
  }

  private static String text(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    return value == null ? null : value.getS();
  }
}
