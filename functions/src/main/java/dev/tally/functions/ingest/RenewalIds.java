package dev.tally.functions.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Derives a renewal id from the customer and the caller's idempotency key (RFC 4122 name-based UUID, version 5,
 * SHA-1). The same pair always yields the same id, so a retried request needs no lookup table at ingest: the
 * worker's conditional put on that id is what makes the repeat a no-op. Scoping by customer keeps two customers who
 * happen to pick the same key apart.
 */
public final class RenewalIds {
  /** Fixed namespace for Tally renewal ids; changing it would change every id and break deduplication. */
  static final UUID NAMESPACE = UUID.fromString("6f0c9a52-3b1e-5d8a-9c47-1a2b3c4d5e6f");

  private RenewalIds() {}

  /** The renewal id for this customer and idempotency key. */
  public static String derive(String customerId, String idempotencyKey) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
    ByteBuffer namespace = ByteBuffer.allocate(16)
        .putLong(NAMESPACE.getMostSignificantBits())
        .putLong(NAMESPACE.getLeastSignificantBits());
    sha1.update(namespace.array());
    // NUL cannot occur in either part (both are validated visible ASCII), so the pair encodes unambiguously.
    sha1.update((customerId + '\0' + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    byte[] hash = sha1.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong()).toString();
  }
}
