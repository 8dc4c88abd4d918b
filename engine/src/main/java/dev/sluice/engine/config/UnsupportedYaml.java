package dev.sluice.engine.config;

import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Finds the YAML that {@link YamlDocument}'s parser would misread rather than reject: an alias
 * ({@code *name}, also in a merge key {@code <<: *name}) reads as the anchor's name instead of
 * its value, and {@code !!binary} reads as bytes no field takes. Sluice refuses both, naming
 * the line, never the text. Reads the document's events (no tree, so no alias expansion);
 * broken YAML is left for the parser to report.
 */
final class UnsupportedYaml {
    private static final String BINARY_TAG = "tag:yaml.org,2002:binary";

    private UnsupportedYaml() {
    }

    static Optional<YamlDocument.Failure> find(String text) {
        if (text.indexOf('*') < 0 && !text.contains("binary")) {
            return Optional.empty(); // neither an alias nor a binary tag can be there: skip reading it twice
        }
        Parser events = new ParserImpl(new StreamReader(text), new LoaderOptions());
        try {
            for (Event e = events.getEvent(); !(e instanceof StreamEndEvent); e = events.getEvent()) {
                if (e instanceof AliasEvent) {
                    return Optional.of(at(e.getStartMark(), "YAML aliases (*name, <<: *name) are not supported by Sluice;"
                            + " write the value out in full"));
                }
                if (e instanceof ScalarEvent scalar && BINARY_TAG.equals(scalar.getTag())) {
                    return Optional.of(at(e.getStartMark(), "binary values (!!binary) are not supported; write a string"));
                }
            }
        } catch (YAMLException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static YamlDocument.Failure at(Mark mark, String reason) {
        return new YamlDocument.Failure(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, reason);
    }
}
