package dev.sluice.files.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Parquet round trips run without Hadoop and without native codecs on the classpath. */
class ParquetClasspathTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.apache.hadoop.conf.Configuration", "org.apache.hadoop.fs.Path",
            "org.xerial.snappy.Snappy", "com.github.luben.zstd.Zstd", "org.apache.commons.pool.ObjectPool"})
    void isAbsent(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
