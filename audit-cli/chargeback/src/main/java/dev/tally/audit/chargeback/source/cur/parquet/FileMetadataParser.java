package dev.tally.audit.chargeback.source.cur.parquet;

import static dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.ABSENT;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.BINARY;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.BYTE;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.I32;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.I64;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.LIST;
import static dev.tally.audit.chargeback.source.cur.parquet.ThriftCompactReader.STRUCT;

import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.ChunkMetadata;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.LogicalAnnotation;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.RawStatistics;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.RowGroup;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.SchemaElement;
import java.util.ArrayList;
import java.util.List;

/** Parses the thrift {@code FileMetaData} footer (field ids from parquet-format's parquet.thrift). */
final class FileMetadataParser {

    private final ThriftCompactReader in;

    private FileMetadataParser(ThriftCompactReader in) {
        this.in = in;
    }

    static FileMetadata parse(byte[] footer) {
        return new FileMetadataParser(new ThriftCompactReader(footer, 0, footer.length)).fileMetadata();
    }

    private FileMetadata fileMetadata() {
        List<SchemaElement> schema = null;
        long numRows = ABSENT;
        List<RowGroup> rowGroups = List.of();
        boolean encrypted = false;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 2 -> schema = in.readList(type, this::schemaElement);
                case 3 -> {
                    in.expect(type, I64);
                    numRows = in.readI64();
                }
                case 4 -> rowGroups = in.readList(type, this::rowGroup);
                case 8 -> {
                    encrypted = true;
                    in.skip(type);
                }
                default -> in.skip(type);
            }
        }
        if (schema == null || schema.isEmpty() || numRows < 0) {
            throw new CorruptParquetException("footer lacks the required schema or num_rows");
        }
        return new FileMetadata(List.copyOf(schema), numRows, List.copyOf(rowGroups), encrypted);
    }

    private SchemaElement schemaElement() {
        int physical = ABSENT;
        int repetition = ABSENT;
        String name = null;
        int numChildren = 0;
        int converted = ABSENT;
        int scale = 0;
        int precision = 0;
        LogicalAnnotation logical = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> physical = i32(type);
                case 3 -> repetition = i32(type);
                case 4 -> {
                    in.expect(type, BINARY);
                    name = in.readString();
                }
                case 5 -> numChildren = i32(type);
                case 6 -> converted = i32(type);
                case 7 -> scale = i32(type);
                case 8 -> precision = i32(type);
                case 10 -> {
                    in.expect(type, STRUCT);
                    logical = logicalType();
                }
                default -> in.skip(type);
            }
        }
        if (name == null || numChildren < 0) {
            throw new CorruptParquetException("schema element without a name or with negative children");
        }
        return new SchemaElement(name, physical, repetition, numChildren, converted, scale, precision, logical);
    }

    /** The LogicalType union: exactly one member is set; its struct may carry parameters. */
    private LogicalAnnotation logicalType() {
        LogicalAnnotation result = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            if (type != STRUCT) {
                in.skip(type);
                continue;
            }
            result = switch (last) {
                case LogicalAnnotation.DECIMAL -> decimalType();
                case LogicalAnnotation.TIMESTAMP, 7 -> timeType(last);
                case LogicalAnnotation.INTEGER -> intType();
                default -> {
                    in.skipStruct();
                    yield new LogicalAnnotation(last, 0, 0, null, true);
                }
            };
        }
        return result;
    }

    private LogicalAnnotation decimalType() {
        int scale = 0;
        int precision = 0;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> scale = i32(type);
                case 2 -> precision = i32(type);
                default -> in.skip(type);
            }
        }
        return new LogicalAnnotation(LogicalAnnotation.DECIMAL, scale, precision, null, true);
    }

    private LogicalAnnotation timeType(int member) {
        TimeUnit unit = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            if (last == 2 && type == STRUCT) {
                unit = timeUnit();
            } else {
                in.skip(type);
            }
        }
        return new LogicalAnnotation(member, 0, 0, unit, true);
    }

    private TimeUnit timeUnit() {
        TimeUnit unit = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> unit = TimeUnit.MILLIS;
                case 2 -> unit = TimeUnit.MICROS;
                case 3 -> unit = TimeUnit.NANOS;
                default -> {
                    // an unknown future unit: leave it null so the column is not mistaken for a known one
                }
            }
            in.skip(type);
        }
        return unit;
    }

    private LogicalAnnotation intType() {
        boolean signed = true;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            if (last == 2) {
                signed = in.fieldBoolean();
            }
            in.skip(type);
        }
        return new LogicalAnnotation(LogicalAnnotation.INTEGER, 0, 0, null, signed);
    }

    private RowGroup rowGroup() {
        List<ChunkMetadata> columns = List.of();
        long numRows = ABSENT;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> columns = in.readList(type, this::columnChunk);
                case 3 -> {
                    in.expect(type, I64);
                    numRows = in.readI64();
                }
                default -> in.skip(type);
            }
        }
        if (numRows < 0) {
            throw new CorruptParquetException("row group without num_rows");
        }
        return new RowGroup(numRows, List.copyOf(columns));
    }

    private ChunkMetadata columnChunk() {
        String filePath = null;
        boolean encrypted = false;
        ChunkMetadata meta = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> {
                    in.expect(type, BINARY);
                    filePath = in.readString();
                }
                case 3 -> {
                    in.expect(type, STRUCT);
                    meta = columnMetadata();
                }
                case 8, 9 -> {
                    encrypted = true;
                    in.skip(type);
                }
                default -> in.skip(type);
            }
        }
        if (meta == null) {
            if (encrypted) {
                return new ChunkMetadata(filePath, true, ABSENT, List.of(), ABSENT, 0, 0, 0, ABSENT, null);
            }
            throw new CorruptParquetException("column chunk without meta_data");
        }
        return new ChunkMetadata(filePath, encrypted, meta.type(), meta.pathInSchema(), meta.codec(),
                meta.numValues(), meta.totalCompressedSize(), meta.dataPageOffset(), meta.dictionaryPageOffset(),
                meta.statistics());
    }

    private ChunkMetadata columnMetadata() {
        int physical = ABSENT;
        List<String> path = new ArrayList<>();
        int codec = ABSENT;
        long numValues = ABSENT;
        long totalCompressed = ABSENT;
        long dataPageOffset = ABSENT;
        long dictionaryPageOffset = ABSENT;
        RawStatistics statistics = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> physical = i32(type);
                case 3 -> path.addAll(in.readList(type, in::readString));
                case 4 -> codec = i32(type);
                case 5 -> numValues = i64(type);
                case 7 -> totalCompressed = i64(type);
                case 9 -> dataPageOffset = i64(type);
                case 11 -> dictionaryPageOffset = i64(type);
                case 12 -> {
                    in.expect(type, STRUCT);
                    statistics = statistics();
                }
                default -> in.skip(type);
            }
        }
        if (physical == ABSENT || codec == ABSENT || numValues < 0 || totalCompressed < 0 || dataPageOffset < 0) {
            throw new CorruptParquetException("column meta_data lacks a required field (type, codec, num_values, "
                    + "total_compressed_size or data_page_offset)");
        }
        return new ChunkMetadata(null, false, physical, List.copyOf(path), codec, numValues, totalCompressed,
                dataPageOffset, dictionaryPageOffset, statistics);
    }

    private RawStatistics statistics() {
        byte[] max = null;
        byte[] min = null;
        long nullCount = -1;
        byte[] maxValue = null;
        byte[] minValue = null;
        int last = 0;
        while (in.nextField(last)) {
            last = in.fieldId();
            int type = in.fieldType();
            switch (last) {
                case 1 -> max = binary(type);
                case 2 -> min = binary(type);
                case 3 -> nullCount = i64(type);
                case 5 -> maxValue = binary(type);
                case 6 -> minValue = binary(type);
                default -> in.skip(type);
            }
        }
        return new RawStatistics(max, min, nullCount, maxValue, minValue);
    }

    private int i32(int type) {
        if (type == BYTE) {
            return in.readByte();
        }
        in.expect(type, I32);
        return in.readI32();
    }

    private long i64(int type) {
        in.expect(type, I64);
        return in.readI64();
    }

    private byte[] binary(int type) {
        in.expect(type, BINARY);
        return in.readBinary();
    }
}
