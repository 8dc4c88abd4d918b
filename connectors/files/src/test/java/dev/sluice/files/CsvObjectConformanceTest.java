package dev.sluice.files;

/** The file destination writing csv passes the object conformance tests. */
class CsvObjectConformanceTest extends LocalObjectConformance {
    @Override
    String format() {
        return "csv";
    }
}
