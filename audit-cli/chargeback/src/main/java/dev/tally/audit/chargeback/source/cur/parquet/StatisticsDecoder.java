package dev.tally.audit.chargeback.source.cur.parquet;

import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.RawStatistics;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Turns a chunk's PLAIN-encoded statistics bounds into {@link ColumnStatistics}. */
final class StatisticsDecoder {

    private StatisticsDecoder() {}

    /**
     * @param legacyValid whether the deprecated signed-order {@code min}/{@code max} may stand in when
     *                    {@code min_value}/{@code max_value} are absent
     */
    static ColumnStatistics decode(RawStatistics raw, PhysicalType type, boolean legacyValid) {
        byte[] min = raw.minValue();
        byte[] max = raw.maxValue();
        if (min == null && max == null && legacyValid) {
            min = raw.min();
            max = raw.max();
        }
        OptionalLong minLong = OptionalLong.empty();
        OptionalLong maxLong = OptionalLong.empty();
        OptionalDouble minDouble = OptionalDouble.empty();
        OptionalDouble maxDouble = OptionalDouble.empty();
        switch (type) {
            case INT32, INT64, BOOLEAN -> {
                minLong = asLong(min, type);
                maxLong = asLong(max, type);
            }
            case FLOAT, DOUBLE -> {
                minDouble = asDouble(min, type);
                maxDouble = asDouble(max, type);
            }
            default -> {
                // BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 bounds are not exposed
            }
        }
        return new ColumnStatistics(minLong, maxLong, minDouble, maxDouble, raw.nullCount());
    }

    /** A bound of the wrong width is the writer's mistake; it is reported as absent rather than misread. */
    private static OptionalLong asLong(byte[] bound, PhysicalType type) {
        if (bound == null) {
            return OptionalLong.empty();
        }
        return switch (type) {
            case INT32 -> bound.length == 4 ? OptionalLong.of(PlainValues.readInt(bound, 0)) : OptionalLong.empty();
            case INT64 -> bound.length == 8 ? OptionalLong.of(PlainValues.readLong(bound, 0)) : OptionalLong.empty();
            default -> bound.length == 1 ? OptionalLong.of(bound[0] & 1) : OptionalLong.empty();
        };
    }

    private static OptionalDouble asDouble(byte[] bound, PhysicalType type) {
        if (bound == null) {
            return OptionalDouble.empty();
        }
        if (type == PhysicalType.FLOAT) {
            return bound.length == 4
                    ? OptionalDouble.of(Float.intBitsToFloat(PlainValues.readInt(bound, 0)))
                    : OptionalDouble.empty();
        }
        return bound.length == 8
                ? OptionalDouble.of(Double.longBitsToDouble(PlainValues.readLong(bound, 0)))
                : OptionalDouble.empty();
    }
}
