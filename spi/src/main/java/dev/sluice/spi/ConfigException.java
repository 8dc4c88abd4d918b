package dev.sluice.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connector's configuration is wrong. {@link #field()} names the offending field, relative
 * to the connector's {@code spec} (for example {@code "num_rows"}); the engine adds the file
 * and document it came from. One exception may carry several problems ({@link #problems()}),
 * so that a connector reports everything wrong with its spec at once ({@link ConfigProblems}).
 */
public class ConfigException extends ConnectorException {
    private final String field;
    private final List<ConfigException> more;

    public ConfigException(String field, String message) {
        super(message);
        this.field = field;
        this.more = List.of();
    }

    /** The first of {@code problems}, carrying the others too. */
    public ConfigException(List<ConfigException> problems) {
        super(problems.get(0).getMessage());
        this.field = problems.get(0).field;
        List<ConfigException> rest = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            List<ConfigException> each = problems.get(i).problems();
            rest.addAll(i == 0 ? each.subList(1, each.size()) : each);
        }
        this.more = List.copyOf(rest);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Every problem this exception reports, itself first. */
    public List<ConfigException> problems() {
        List<ConfigException> all = new ArrayList<>();
        all.add(more.isEmpty() ? this : new ConfigException(field, getMessage()));
        all.addAll(more);
        return all;
    }
}
