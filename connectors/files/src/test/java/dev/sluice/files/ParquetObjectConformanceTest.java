package dev.sluice.files;

/** The file destination writing parquet passes the object conformance tests. */
class ParquetObjectConformanceTest extends LocalObjectConformance {
    @Override
    String format() {
        return "parquet";
    }
}
