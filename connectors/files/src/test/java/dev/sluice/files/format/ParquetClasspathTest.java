package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parquet is written by Sluice's own writer with aircompressor's codecs: neither parquet-java nor
 * what it brought (Hadoop, its shaded Jackson and fastutil, jts-core, native snappy/zstd, codec
 * pools) is on the classpath. The test classpath holds every runtime dependency and more, so a class
 * missing here is missing at run time too; every Parquet test in this package runs on it.
 */
class ParquetClasspathTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.apache.parquet.hadoop.ParquetFileWriter", "org.apache.parquet.column.ParquetProperties",
            "org.apache.parquet.schema.MessageType", "org.apache.parquet.format.FileMetaData",
            "org.apache.parquet.bytes.BytesInput", "shaded.parquet.com.fasterxml.jackson.databind.ObjectMapper",
            "shaded.parquet.it.unimi.dsi.fastutil.ints.IntArrayList", "org.locationtech.jts.geom.Geometry",
            "org.apache.hadoop.conf.Configuration", "org.apache.hadoop.fs.Path",
            "org.xerial.snappy.Snappy", "com.github.luben.zstd.Zstd", "org.apache.commons.pool.ObjectPool"})
    void isAbsent(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.airlift.compress.snappy.SnappyCompressor", "io.airlift.compress.zstd.ZstdCompressor"})
    void theCodecsAreAircompressors(String className) throws ClassNotFoundException {
        assertThat(Class.forName(className)).isNotNull();
    }
}
