package dev.tally.functions.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Builds the one JSON configuration every handler uses. */
public final class Json {
  private Json() {}

  /**
   * A new mapper that reads decimals as {@link java.math.BigDecimal} (money must never pass through a binary
   * double) and writes them as given ({@code 25.00}, not {@code 2.5E+1}). Each logic class keeps its own instance:
   * an {@link ObjectMapper} is thread-safe once configured, but it is mutable, so it is not shared statically.
   */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }
}
