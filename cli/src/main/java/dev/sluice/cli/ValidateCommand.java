package dev.sluice.cli;

import dev.sluice.engine.sync.PreparedSync;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a config without connecting to anything (the loader's checks, then every connector's spec "
                + "checks): exits 0 if valid, 2 with every problem otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (PreparedSync prepared = common.prepare()) {
            spec.commandLine().getOut().printf("config is valid: %d source(s), %d destination(s) in use%n",
                    prepared.sources().size(), prepared.destinations().size());
        }
        return Main.OK;
    }
}
