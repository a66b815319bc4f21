package dev.tally.functions.ingest;

import dev.tally.functions.common.ApiError;

/** A request the API refuses with 400; carries the body to answer with. */
final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ApiError error;

  InvalidRequestException(String code, String message, String field) {
    super(message);
    this.error = new ApiError(code, message, field);
  }

  ApiError error() {
    return error;
  }
}
