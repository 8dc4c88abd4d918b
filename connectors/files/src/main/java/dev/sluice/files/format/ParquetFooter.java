package dev.sluice.files.format;

import dev.sluice.files.format.ParquetSchema.Leaf;
import dev.sluice.files.format.ParquetSchema.Logical;
import dev.sluice.files.format.ParquetSchema.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The FileMetaData a Parquet file ends with, in Thrift's compact protocol: version 1, the schema
 * flattened depth-first under a root named {@code schema}, the row count, each row group's column
 * chunks (type, encodings, path, codec, value count, sizes, data page offset, dictionary page
 * offset when there is one, statistics: null count, min and max when there are, NaN count for
 * floats; the pages of each type and encoding), created_by {@code sluice} and a
 * TypeDefinedOrder column order for every leaf, so readers trust min_value and max_value. What it
 * holds until {@link #encode} is a few numbers and two bounds of at most about
 * {@link ParquetBounds#LIMIT} bytes (a decimal's or UUID's width) per column chunk.
 */
final class ParquetFooter {
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int RLE_DICTIONARY = 8;
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;

    private record RowGroup(long rows, List<ParquetColumn.Chunk> chunks) {
    }

    private final ParquetSchema schema;
    private final int codec;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long rows;

    ParquetFooter(ParquetSchema schema, int codec) {
        this.schema = schema;
        this.codec = codec;
    }

    /** Records a row group written: {@code chunks} in leaf order. */
    void addRowGroup(long rowCount, List<ParquetColumn.Chunk> chunks) {
        rowGroups.add(new RowGroup(rowCount, List.copyOf(chunks)));
        rows += rowCount;
    }

    ByteSink encode() {
        ByteSink out = new ByteSink(4096);
        ThriftCompact t = new ThriftCompact(out);
        t.structBegin().i32Field(1, 1);
        List<Node> fields = schema.fields();
        t.listField(2, ThriftCompact.STRUCT, 1 + count(fields));
        t.structBegin().stringField(4, "schema").i32Field(5, fields.size()).structEnd();
        for (Node n : fields) {
            element(t, n);
        }
        t.i64Field(3, rows);
        t.listField(4, ThriftCompact.STRUCT, rowGroups.size());
        for (int g = 0; g < rowGroups.size(); g++) {
            rowGroup(t, rowGroups.get(g), g);
        }
        t.stringField(6, "sluice");
        // every leaf's min and max follow its type's order (TypeDefinedOrder)
        t.listField(7, ThriftCompact.STRUCT, schema.leaves().size());
        for (int i = 0; i < schema.leaves().size(); i++) {
            t.structBegin().structField(1).structEnd().structEnd();
        }
        t.structEnd();
        return out;
    }

    private static int count(List<Node> nodes) {
        int n = nodes.size();
        for (Node node : nodes) {
            n += count(node.children());
        }
        return n;
    }

    /** A SchemaElement, then its children's. */
    private static void element(ThriftCompact t, Node n) {
        t.structBegin();
        if (n.type() != ParquetSchema.GROUP) {
            t.i32Field(1, n.type());
        }
        if (n.type() == ParquetSchema.FIXED_LEN_BYTE_ARRAY) {
            t.i32Field(2, n.typeLength());
        }
        t.i32Field(3, n.repetition()).stringField(4, n.name());
        if (n.type() == ParquetSchema.GROUP) {
            t.i32Field(5, n.children().size());
        }
        if (n.convertedType() >= 0) {
            t.i32Field(6, n.convertedType());
        }
        Logical l = n.logical();
        if (l != null) {
            if (l.field() == Logical.DECIMAL) {
                t.i32Field(7, l.a()).i32Field(8, l.b());
            }
            t.structField(10);
            logical(t, l);
            t.structEnd();
        }
        t.structEnd();
        for (Node c : n.children()) {
            element(t, c);
        }
    }

    /** The LogicalType union's one member. */
    private static void logical(ThriftCompact t, Logical l) {
        t.structField(l.field());
        switch (l.field()) {
            case Logical.DECIMAL -> t.i32Field(1, l.a()).i32Field(2, l.b());
            case Logical.TIME, Logical.TIMESTAMP -> t.boolField(1, l.a() == 1)
                    .structField(2).structField(2).structEnd().structEnd(); // TimeUnit MICROS
            case Logical.INTEGER -> t.i8Field(1, l.a()).boolField(2, l.b() == 1);
            default -> {
                // STRING, LIST, DATE, JSON, UUID: empty structs
            }
        }
        t.structEnd();
    }

    /** ColumnMetaData's Statistics: null_count, max_value, min_value, their exactness, nan_count. */
    private static void statistics(ThriftCompact t, ParquetStatistics.Chunk s) {
        t.structField(12).i64Field(3, s.nullCount());
        if (s.min() != null) {
            t.binaryField(5, s.max()).binaryField(6, s.min())
                    .boolField(7, s.maxExact()).boolField(8, s.minExact());
        }
        if (s.nanCount() >= 0) {
            t.i64Field(9, s.nanCount());
        }
        t.structEnd();
    }

    /** ColumnMetaData's encoding_stats: the pages of each type and encoding. */
    private static void encodingStats(ThriftCompact t, ParquetColumn.Chunk c) {
        int kinds = (c.dictionaryPages() > 0 ? 1 : 0) + (c.dictionaryDataPages() > 0 ? 1 : 0)
                + (c.plainDataPages() > 0 ? 1 : 0);
        t.listField(13, ThriftCompact.STRUCT, kinds);
        if (c.dictionaryPages() > 0) {
            t.structBegin().i32Field(1, DICTIONARY_PAGE).i32Field(2, PLAIN).i32Field(3, c.dictionaryPages()).structEnd();
        }
        if (c.dictionaryDataPages() > 0) {
            t.structBegin().i32Field(1, DATA_PAGE).i32Field(2, RLE_DICTIONARY).i32Field(3, c.dictionaryDataPages())
                    .structEnd();
        }
        if (c.plainDataPages() > 0) {
            t.structBegin().i32Field(1, DATA_PAGE).i32Field(2, PLAIN).i32Field(3, c.plainDataPages()).structEnd();
        }
    }

    private void rowGroup(ThriftCompact t, RowGroup g, int ordinal) {
        List<Leaf> leaves = schema.leaves();
        long uncompressed = 0;
        long compressed = 0;
        t.structBegin().listField(1, ThriftCompact.STRUCT, g.chunks().size());
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            ParquetColumn.Chunk c = g.chunks().get(i);
            uncompressed += c.uncompressedBytes();
            compressed += c.compressedBytes();
            t.structBegin().i64Field(2, 0).structField(3).i32Field(1, leaf.type());
            if (c.dictionaryDataPages() > 0) {
                t.listField(2, ThriftCompact.I32, 3).i32(PLAIN).i32(RLE).i32(RLE_DICTIONARY);
            } else {
                t.listField(2, ThriftCompact.I32, 2).i32(PLAIN).i32(RLE);
            }
            t.listField(3, ThriftCompact.BINARY, leaf.path().size());
            for (String p : leaf.path()) {
                t.string(p);
            }
            t.i32Field(4, codec)
                    .i64Field(5, c.values())
                    .i64Field(6, c.uncompressedBytes())
                    .i64Field(7, c.compressedBytes())
                    .i64Field(9, c.dataPageOffset());
            if (c.dictionaryPages() > 0) {
                t.i64Field(11, c.offset());
            }
            statistics(t, c.statistics());
            encodingStats(t, c);
            t.structEnd().structEnd();
        }
        long fileOffset = g.chunks().isEmpty() ? 0 : g.chunks().get(0).offset();
        t.i64Field(2, uncompressed).i64Field(3, g.rows()).i64Field(5, fileOffset).i64Field(6, compressed)
                .i16Field(7, ordinal).structEnd();
    }
}
