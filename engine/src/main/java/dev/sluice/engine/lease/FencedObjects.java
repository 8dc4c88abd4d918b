package dev.sluice.engine.lease;

import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import java.util.List;

/** Objects that begin and are sealed only while the run's {@link Fence} holds; appends and aborts pass through. */
record FencedObjects(ObjectWriter inner, Fence fence) implements ObjectWriter {

    @Override
    public OpenObject begin(TableSchema table, ObjectName name) {
        fence.check();
        OpenObject object = inner.begin(table, name);
        return new OpenObject() {
            @Override
            public void append(List<Object[]> rows) {
                object.append(rows);
            }

            @Override
            public void seal() {
                fence.check();
                object.seal();
            }

            @Override
            public void abort() {
                object.abort();
            }
        };
    }

    @Override
    public void emptyTable(TableSchema table, ObjectName name) {
        fence.check();
        inner.emptyTable(table, name);
    }
}
