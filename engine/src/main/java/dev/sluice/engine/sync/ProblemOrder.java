package dev.sluice.engine.sync;

import dev.sluice.engine.config.Problem;
import java.util.Comparator;
import java.util.List;

/** Problems in the order a user fixes them: by file, then document, then field; whole-config problems first. */
final class ProblemOrder {
    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file())
            .thenComparingInt(p -> p.origin() == null ? 0 : p.origin().document())
            .thenComparing(p -> p.field() == null ? "" : p.field());

    private ProblemOrder() {
    }

    static List<Problem> byFileAndDocument(List<Problem> problems) {
        return problems.stream().sorted(ORDER).toList();
    }
}
