package dev.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SelectedSource;
import dev.sluice.spi.Column;
import dev.sluice.spi.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Lists the tables each source of the config selects, with their columns.")
final class TablesCommand implements Callable<Integer> {
    enum Format { markdown, json }

    @Mixin
    CommonOptions common;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PreparedSync prepared = common.prepare()) {
            List<SelectedSource> selected = prepared.selectTables();
            if (format == Format.json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(selected)));
            } else {
                markdown(selected, out);
            }
        }
        return Main.OK;
    }

    private static void markdown(List<SelectedSource> selected, PrintWriter out) {
        for (SelectedSource s : selected) {
            out.printf("# Source %s%n%n", s.prepared().name());
            for (Table t : s.tables().stream().flatMap(x -> x.flatten().stream()).toList()) {
                out.printf("## %s%n%n%s%n%n", t.name(), describe(t));
                out.println("| column | type | primary key |");
                out.println("|---|---|---|");
                for (Column c : t.columns()) {
                    out.printf("| %s | %s | %s |%n", c.name(), c.type().displayName(), c.primaryKey() ? "yes" : "");
                }
                out.println();
            }
        }
    }

    private static String describe(Table t) {
        String kind = t.incremental() ? "Incremental on `" + t.cursorColumn().get() + "`." : "Full sync.";
        String children = t.children().isEmpty() ? "" : " Child tables: "
                + String.join(", ", t.children().stream().map(Table::name).toList()) + ".";
        return (t.description().isEmpty() ? "" : t.description() + " ") + kind + children;
    }

    private static List<Map<String, Object>> json(List<SelectedSource> selected) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SelectedSource s : selected) {
            Map<String, Object> src = new LinkedHashMap<>();
            src.put("source", s.prepared().name());
            src.put("tables", s.tables().stream().map(TablesCommand::json).toList());
            sources.add(src);
        }
        return sources;
    }

    private static Map<String, Object> json(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("incremental_cursor", t.cursorColumn().orElse(null));
        m.put("columns", t.columns().stream().map(c -> {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type().displayName());
            col.put("primary_key", c.primaryKey());
            col.put("not_null", c.notNull());
            return col;
        }).toList());
        m.put("children", t.children().stream().map(TablesCommand::json).toList());
        return m;
    }
}
