package dev.sluice.engine.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A loaded source or destination as its config fields would be written, for comparing with expectations. */
final class WrittenForm {
    private WrittenForm() {
    }

    static Map<String, Object> of(SourceSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("path", s.path());
        m.put("registry", s.registry());
        m.put("version", s.version());
        m.put("tables", s.tables());
        m.put("skip_tables", s.skipTables());
        m.put("skip_dependent_tables", s.skipDependentTables());
        m.put("destinations", s.destinations());
        m.put("backend_options", s.backendOptions()
                .map(b -> Map.of("table_name", b.tableName(), "connection", b.connection())).orElse(null));
        m.put("deterministic_cq_id", s.deterministicCqId());
        m.put("spec", s.spec().asMap());
        return m;
    }

    static Map<String, Object> of(DestinationSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("path", d.path());
        m.put("registry", d.registry());
        m.put("version", d.version());
        m.put("write_mode", d.writeMode().configName());
        m.put("migrate_mode", d.migrateMode().name().toLowerCase(Locale.ROOT));
        m.put("pk_mode", d.pkMode().configName());
        m.put("send_sync_summary", d.sendSyncSummary());
        m.put("sync_group_id", d.syncGroupId().orElse(null));
        m.put("spec", d.spec().asMap());
        return m;
    }

    /** Numbers compared by value (10000 as Integer or Long is the same), lists and maps element-wise. */
    static Object normalize(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(WrittenForm::normalize).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(k, normalize(val)));
            return out;
        }
        return v;
    }
}
