import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.sync.LocalSync;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncOptions;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.engine.sync.SyncSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The incremental sync of bench/pg-to-pg.sh repeated in one JVM, to separate the JVM's warm-up
 * from the sync's own cost: before each run, SQL (argument 2) changes rows in the source
 * (argument 1, a URL); the config is argument 0. Prints each run's engine time.
 *   java -cp cli/target/sluice.jar bench/pg/WarmIncremental.java CONFIG SOURCE_URL "UPDATE ..." [RUNS]
 */
public class WarmIncremental {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder("psql", "-q", args[1], "-c", args[2]).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed");
            }
            try (PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(List.of(Path.of(args[0])), Map.of()),
                    ConnectorRegistry.builtIn())) {
                SyncReport r = new LocalSync(prepared, SyncOptions.defaults()).run();
                System.out.printf("incremental run %d in one JVM: engine %d ms, %,d rows%n", i + 1,
                        r.sources().get(0).duration().toMillis(), r.sources().get(0).rows());
            }
        }
    }
}
