package dev.sluice.files;

/** The file destination writing json passes the object conformance tests. */
class JsonObjectConformanceTest extends LocalObjectConformance {
    @Override
    String format() {
        return "json";
    }
}
