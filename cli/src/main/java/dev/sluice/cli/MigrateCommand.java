package dev.sluice.cli;

import dev.sluice.engine.sync.LocalSync;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Creates or updates the destination tables of the selected source tables, without syncing. "
                + "Exits 1 naming each breaking change migrate_mode: safe refused (the other tables are migrated).")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (PreparedSync prepared = common.prepare()) {
            int tables = new LocalSync(prepared, SyncOptions.defaults()).migrateOnly();
            spec.commandLine().getOut().printf("migrated %d table(s)%n", tables);
        }
        return Main.OK;
    }
}
