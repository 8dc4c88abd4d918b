package dev.sluice.connector.postgresql.destination;

import java.sql.SQLException;

/** Where COPY bytes go: pgjdbc's {@code CopyIn::writeToCopy} in production, a byte array in tests. */
@FunctionalInterface
interface CopySink {
    void write(byte[] bytes, int offset, int length) throws SQLException;
}
