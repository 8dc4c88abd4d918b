package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import java.sql.SQLException;
import java.util.List;

/**
 * Arrays of any element type and any number of dimensions (nested lists), in array_send's
 * format: dimension count, has-nulls flag, element type OID, per dimension its length and lower
 * bound (1), then the elements in row-major order, each a field (NULL as length -1). An empty
 * list, or one holding only empty lists, is the empty array (no dimensions). A
 * multi-dimensional array is rectangular: a list that is shorter or longer than its siblings,
 * or a null in place of a list, is refused.
 */
final class ArrayWriter implements FieldWriter {
    /** PostgreSQL's MAXDIM. */
    private static final int MAX_DIMENSIONS = 6;

    private final ColumnType.ListType type;
    private final ColumnType scalar;
    private final int dimensions;
    private final int elementOid;
    private final FieldWriter element;
    private final int[] shape;
    private final int[] position;
    /** The elements are encoded here first, since the array's length comes before them. */
    private final ByteScratch spill = new ByteScratch();
    private final CopyBuffer body = new CopyBuffer(spill);
    private boolean nulls;

    ArrayWriter(ColumnType.ListType type, FieldWriter element, int elementOid) {
        this.type = type;
        this.scalar = type.scalar();
        this.dimensions = type.dimensions();
        this.element = element;
        this.elementOid = elementOid;
        this.shape = new int[dimensions];
        this.position = new int[dimensions];
    }

    @Override
    public void write(CopyBuffer out, Object value) throws SQLException {
        if (!(value instanceof List<?> list)) {
            throw new BadValue(ValueErrors.whyNot(type, value));
        }
        spill.clear(); // left over if the last value was refused
        body.discard();
        long count = shape(list);
        nulls = false;
        elements(list, 0);
        if (count == 0) {
            out.reserve(16);
            out.putInt(12);
            out.putInt(0);
            out.putInt(0);
            out.putInt(elementOid);
            return;
        }
        if (dimensions > MAX_DIMENSIONS) {
            throw new BadValue("a list of " + dimensions + " dimensions: PostgreSQL's arrays have at most " + MAX_DIMENSIONS);
        }
        out.reserve(16 + 8 * dimensions);
        out.putInt(12 + 8 * dimensions + spill.length() + body.pending());
        out.putInt(dimensions);
        out.putInt(nulls ? 1 : 0);
        out.putInt(elementOid);
        for (int length : shape) {
            out.putInt(length);
            out.putInt(1);
        }
        spill.moveTo(out);
        body.moveTo(out);
    }

    /** Each dimension's length, from the first list at each depth; returns the element count. */
    private long shape(List<?> list) {
        long count = 1;
        Object level = list;
        for (int d = 0; d < dimensions; d++) {
            position[d] = 0;
            if (!(level instanceof List<?> l)) {
                throw notAList(d, level);
            }
            shape[d] = l.size();
            count *= l.size();
            level = l.isEmpty() ? null : l.get(0);
            if (l.isEmpty()) {
                for (int rest = d + 1; rest < dimensions; rest++) {
                    shape[rest] = 0;
                }
                return 0;
            }
        }
        return count;
    }

    private void elements(List<?> list, int depth) throws SQLException {
        if (list.size() != shape[depth]) {
            throw new BadValue("the list is not rectangular: element " + at(depth) + " has " + list.size() + " elements where the first at its depth has " + shape[depth]
                    + " (a PostgreSQL array's sub-arrays all have the same length)");
        }
        for (int i = 0; i < list.size(); i++) {
            position[depth] = i;
            Object e = list.get(i);
            if (depth < dimensions - 1) {
                if (!(e instanceof List<?> sub)) {
                    throw notAList(depth + 1, e);
                }
                elements(sub, depth + 1);
            } else if (e == null) {
                nulls = true;
                body.int32(-1);
            } else if (!scalar.accepts(e)) {
                throw new BadValue("element " + at(depth + 1) + ": " + ValueErrors.whyNot(scalar, e));
            } else {
                try {
                    element.write(body, e);
                } catch (BadValue bad) {
                    throw new BadValue("element " + at(depth + 1) + ": " + bad.getMessage());
                }
            }
        }
    }

    private BadValue notAList(int depth, Object found) {
        return new BadValue("element " + at(depth) + (found == null ? " is null" : " is not a list")
                + " where a " + (dimensions - depth) + "-dimensional list was expected"
                + (found == null ? " (PostgreSQL's arrays have no null sub-arrays)" : ""));
    }

    /** The position of the current element at {@code depth}, 1-based as PostgreSQL counts: [2][1]. */
    private String at(int depth) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            b.append('[').append(position[d] + 1).append(']');
        }
        return b.toString();
    }
}
