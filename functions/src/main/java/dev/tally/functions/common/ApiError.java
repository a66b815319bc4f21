package dev.tally.functions.common;

/**
 * The JSON body of every 4xx/5xx answer: {@code {"error":"invalid_field","message":"…","field":"amount"}}.
 *
 * @param error stable machine-readable code ({@code malformed_json}, {@code missing_field}, {@code invalid_field},
 *     {@code unknown_field}, {@code missing_header}, {@code invalid_header}, {@code not_found}, {@code unavailable})
 * @param message one sentence naming the problem and the fix
 * @param field the request field or header at fault, or {@code null} when the whole request is
 */
public record ApiError(String error, String message, String field) {}
