package dev.tally.audit.chargeback.source.cur.parquet;

import static dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.ABSENT;

import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.LogicalAnnotation;
import dev.tally.audit.chargeback.source.cur.parquet.FileMetadata.SchemaElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file's schema turned from thrift's depth-first element list into leaf columns (with their definition and
 * repetition levels) plus lookups by top-level field name.
 */
final class ParquetSchema {

    private static final int OPTIONAL = 1;
    private static final int REPEATED = 2;
    private static final int CONVERTED_UTF8 = 0;
    private static final int CONVERTED_MAP = 1;
    private static final int CONVERTED_MAP_KEY_VALUE = 2;
    private static final int CONVERTED_ENUM = 4;
    private static final int CONVERTED_DECIMAL = 5;
    private static final int CONVERTED_DATE = 6;
    private static final int CONVERTED_TIMESTAMP_MILLIS = 9;
    private static final int CONVERTED_TIMESTAMP_MICROS = 10;
    private static final int CONVERTED_UINT_8 = 11;
    private static final int CONVERTED_UINT_64 = 14;
    private static final int CONVERTED_JSON = 19;

    private final List<ParquetColumn> leaves;
    private final boolean[] signedOrder;
    private final Map<String, ParquetColumn> firstLeafByTop;
    private final Map<String, ParquetColumn[]> mapsByTop;

    private ParquetSchema(List<ParquetColumn> leaves, boolean[] signedOrder, Map<String, ParquetColumn> firstLeafByTop,
            Map<String, ParquetColumn[]> mapsByTop) {
        this.leaves = leaves;
        this.signedOrder = signedOrder;
        this.firstLeafByTop = firstLeafByTop;
        this.mapsByTop = mapsByTop;
    }

    /** One schema element with its children, built from the flat list. */
    private record Node(SchemaElement element, List<Node> children) {}

    static ParquetSchema of(List<SchemaElement> elements) {
        int[] cursor = {0};
        Node root = node(elements, cursor, 0);
        if (cursor[0] != elements.size()) {
            throw new CorruptParquetException("schema lists " + elements.size() + " elements but its root spans "
                    + cursor[0]);
        }
        List<ParquetColumn> leaves = new ArrayList<>();
        List<Boolean> signed = new ArrayList<>();
        Map<String, ParquetColumn> firstLeafByTop = new HashMap<>();
        Map<String, ParquetColumn[]> mapsByTop = new HashMap<>();
        for (Node top : root.children()) {
            int firstLeaf = leaves.size();
            collectLeaves(top, new ArrayList<>(), 0, 0, leaves, signed);
            if (leaves.size() > firstLeaf) {
                firstLeafByTop.putIfAbsent(top.element().name(), leaves.get(firstLeaf));
            }
            if (isMapShaped(top)) {
                mapsByTop.putIfAbsent(top.element().name(),
                        new ParquetColumn[] {leaves.get(firstLeaf), leaves.get(firstLeaf + 1)});
            }
        }
        boolean[] signedOrder = new boolean[signed.size()];
        for (int i = 0; i < signedOrder.length; i++) {
            signedOrder[i] = signed.get(i);
        }
        return new ParquetSchema(List.copyOf(leaves), signedOrder, Map.copyOf(firstLeafByTop), Map.copyOf(mapsByTop));
    }

    List<ParquetColumn> leaves() {
        return leaves;
    }

    Optional<ParquetColumn> column(String top) {
        return Optional.ofNullable(firstLeafByTop.get(top));
    }

    Optional<ParquetColumn> mapKey(String top) {
        return Optional.ofNullable(mapsByTop.get(top)).map(kv -> kv[0]);
    }

    Optional<ParquetColumn> mapValue(String top) {
        return Optional.ofNullable(mapsByTop.get(top)).map(kv -> kv[1]);
    }

    /** Whether the deprecated signed-order min/max statistics are meaningful for this leaf. */
    boolean legacyStatisticsValid(ParquetColumn leaf) {
        return signedOrder[leaf.index()];
    }

    private static Node node(List<SchemaElement> elements, int[] cursor, int depth) {
        if (cursor[0] >= elements.size() || depth > 100) {
            throw new CorruptParquetException("schema element counts do not add up");
        }
        SchemaElement element = elements.get(cursor[0]++);
        if (element.isLeaf() && depth > 0) {
            return new Node(element, List.of());
        }
        if (element.numChildren() > elements.size() - cursor[0]) {
            throw new CorruptParquetException("schema element " + element.name() + " claims "
                    + element.numChildren() + " children, more than the schema lists");
        }
        List<Node> children = new ArrayList<>(element.numChildren());
        for (int i = 0; i < element.numChildren(); i++) {
            children.add(node(elements, cursor, depth + 1));
        }
        return new Node(element, children);
    }

    private static void collectLeaves(Node node, List<String> parentPath, int parentDef, int parentRep,
            List<ParquetColumn> leaves, List<Boolean> signed) {
        SchemaElement e = node.element();
        int def = parentDef + (e.repetition() == OPTIONAL || e.repetition() == REPEATED ? 1 : 0);
        int rep = parentRep + (e.repetition() == REPEATED ? 1 : 0);
        List<String> path = new ArrayList<>(parentPath);
        path.add(e.name());
        if (!e.isLeaf()) {
            for (Node child : node.children()) {
                collectLeaves(child, path, def, rep, leaves, signed);
            }
            return;
        }
        PhysicalType type = PhysicalType.ofThrift(e.type());
        if (type == null) {
            throw new CorruptParquetException("unknown physical type " + e.type() + " for " + String.join(".", path));
        }
        leaves.add(leaf(e, type, path, def, rep, leaves.size()));
        signed.add(hasSignedOrder(e, type));
    }

    private static ParquetColumn leaf(SchemaElement e, PhysicalType type, List<String> path, int def, int rep,
            int index) {
        LogicalAnnotation logical = e.logical();
        LogicalKind kind;
        int scale = 0;
        int precision = 0;
        TimeUnit unit = null;
        if (logical != null) {
            switch (logical.member()) {
                case LogicalAnnotation.STRING, LogicalAnnotation.ENUM, LogicalAnnotation.JSON ->
                    kind = LogicalKind.STRING;
                case LogicalAnnotation.DECIMAL -> {
                    kind = LogicalKind.DECIMAL;
                    scale = logical.scale();
                    precision = logical.precision();
                }
                case LogicalAnnotation.DATE -> kind = LogicalKind.DATE;
                case LogicalAnnotation.TIMESTAMP -> {
                    unit = logical.timeUnit();
                    kind = unit == null ? LogicalKind.OTHER : LogicalKind.TIMESTAMP;
                }
                default -> kind = LogicalKind.OTHER;
            }
        } else {
            switch (e.convertedType()) {
                case ABSENT -> kind = LogicalKind.NONE;
                case CONVERTED_UTF8, CONVERTED_ENUM, CONVERTED_JSON -> kind = LogicalKind.STRING;
                case CONVERTED_DECIMAL -> {
                    kind = LogicalKind.DECIMAL;
                    scale = e.scale();
                    precision = e.precision();
                }
                case CONVERTED_DATE -> kind = LogicalKind.DATE;
                case CONVERTED_TIMESTAMP_MILLIS -> {
                    kind = LogicalKind.TIMESTAMP;
                    unit = TimeUnit.MILLIS;
                }
                case CONVERTED_TIMESTAMP_MICROS -> {
                    kind = LogicalKind.TIMESTAMP;
                    unit = TimeUnit.MICROS;
                }
                default -> kind = LogicalKind.OTHER;
            }
        }
        if (type == PhysicalType.INT96 && kind == LogicalKind.NONE) {
            // ColumnChunk.longs() holds INT96 as epoch micros, so describe it as what the caller receives.
            kind = LogicalKind.TIMESTAMP;
            unit = TimeUnit.MICROS;
        }
        return new ParquetColumn(path, type, kind, scale, precision, unit, def, rep, index);
    }

    private static boolean hasSignedOrder(SchemaElement e, PhysicalType type) {
        boolean numeric = switch (type) {
            case BOOLEAN, INT32, INT64, FLOAT, DOUBLE -> true;
            default -> false;
        };
        LogicalAnnotation logical = e.logical();
        boolean unsigned = (logical != null && logical.member() == LogicalAnnotation.INTEGER && !logical.signed())
                || (e.convertedType() >= CONVERTED_UINT_8 && e.convertedType() <= CONVERTED_UINT_64);
        return numeric && !unsigned;
    }

    /** optional/required group (MAP or MAP_KEY_VALUE) -> repeated group -> two leaves. */
    private static boolean isMapShaped(Node top) {
        if (top.element().isLeaf() || top.children().size() != 1) {
            return false;
        }
        Node keyValue = top.children().get(0);
        boolean shaped = !keyValue.element().isLeaf() && keyValue.element().repetition() == REPEATED
                && keyValue.children().size() == 2
                && keyValue.children().get(0).element().isLeaf()
                && keyValue.children().get(1).element().isLeaf();
        return shaped && (isMapAnnotated(top.element()) || isMapAnnotated(keyValue.element()));
    }

    private static boolean isMapAnnotated(SchemaElement e) {
        return (e.logical() != null && e.logical().member() == LogicalAnnotation.MAP)
                || e.convertedType() == CONVERTED_MAP || e.convertedType() == CONVERTED_MAP_KEY_VALUE;
    }
}
