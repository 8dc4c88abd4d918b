package dev.sluice.connector.aws;

import java.util.List;
import software.amazon.awssdk.core.util.SdkAutoConstructList;

/** Scalar and list columns from SDK values, as the column types hold them. */
final class SdkValues {
    private SdkValues() {
    }

    /** An int the SDK gives as {@link Integer}, as an int64 column's {@link Long}. */
    static Long int64(Integer value) {
        return value == null ? null : value.longValue();
    }

    /** A list of strings; null when the service did not return it. */
    static List<String> strings(List<String> values) {
        return values == null || values instanceof SdkAutoConstructList ? null : List.copyOf(values);
    }
}
