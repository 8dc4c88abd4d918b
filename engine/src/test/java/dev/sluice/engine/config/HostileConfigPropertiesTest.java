package dev.sluice.engine.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes a config file holds, loading it returns a spec or throws {@link ConfigError}
 * naming the file, within a time bound, without a Java class name in any message and without
 * quoting a secret (see {@link LoadOutcome}).
 */
class HostileConfigPropertiesTest {
    static final String VALID = """
            kind: source
            spec:
              name: src
              path: cloudquery/test
              tables: ["*"]
              destinations: [db]
              spec:
                password: "${SECRET}"
                key: ${file:secret.txt}
            ---
            kind: destination
            spec:
              name: db
              path: cloudquery/sqlite
              write_mode: append
              spec:
                connection_string: ./db.sqlite
            """;
    static final Map<String, String> ENV = Map.of("X", "x", "SECRET", ScratchDir.SECRET, "EMPTY", "",
            "MULTI", "a\nb: c", "DOLLAR", "${X}", "QUOTE", "\"'");
    /** Pieces of YAML and of Sluice's variables that random documents are made of. */
    private static final List<String> FRAGMENTS = List.of("kind", "source", "destination", "spec", "name", "path",
            "tables", "destinations", "write_mode", "backend_options", "providers", ":", ": ", "- ", "  ", "    ",
            "\n", "\n", "\n", "\t", "#", " # ", "\"", "'", "[", "]", "{", "}", ", ", "&a ", "*a", "<<: *a", "|", ">-",
            "---\n", "\n---\n", "...", "%YAML 1.2\n", "!!binary ", "!!str ", "!!int ", "!custom ", "? ", "${", "}",
            "${X}", "${SECRET}", "${MULTI}", "${DOLLAR}", "${QUOTE}", "${UNSET}", "${}", "${file:", "${file:}",
            "${file:" + ScratchDir.SECRET_FILE + "}", "${file:" + ScratchDir.BINARY + "}", "${file:" + ScratchDir.DIRECTORY + "}",
            "${time:", "${time:now}", "$$", "$", "\\", "\\x", "\u0000", "\uFEFF", "\u0085", "\u2028", "ü", "🚀", "\r",
            "\r\n", "~", "null", "true", "1e400", "0x1F", "9223372036854775808", "-", "@@plugins.db.connection",
            "cloudquery/test", "*", "=", "%", "`", "@");

    private static ScratchDir scratch;

    @BeforeContainer
    static void createScratch() {
        scratch = new ScratchDir();
    }

    @AfterContainer
    static void deleteScratch() {
        scratch.close();
    }

    /** Random text: the secret may land in a key or a kind, which messages name, so only the contract is checked. */
    @Property(tries = 300)
    void randomDocumentsLoadOrFailCleanly(@ForAll("documents") String text) {
        load(text);
    }

    /** The valid config's secrets stay values whatever the edits do: no message quotes them. */
    @Property(tries = 300)
    void editedValidConfigsLoadOrFailCleanly(@ForAll("editedConfigs") String text) {
        load(text).assertNeverMentions(ScratchDir.SECRET);
    }

    @Property(tries = 100)
    void arbitraryBytesLoadOrFailCleanly(@ForAll("bytes") byte[] bytes) {
        Path file = scratch.write(bytes);
        LoadOutcome.load(scratch.dir, file, ENV);
    }

    @Property(tries = 100)
    void bytesSplicedIntoAValidConfigLoadOrFailCleanly(@ForAll("bytes") byte[] bytes, @ForAll("positions") double where) {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        int at = (int) (where * valid.length);
        byte[] spliced = new byte[valid.length + bytes.length];
        System.arraycopy(valid, 0, spliced, 0, at);
        System.arraycopy(bytes, 0, spliced, at, bytes.length);
        System.arraycopy(valid, at, spliced, at + bytes.length, valid.length - at);
        LoadOutcome.load(scratch.dir, scratch.write(spliced), ENV).assertNeverMentions(ScratchDir.SECRET);
    }

    private static LoadOutcome load(String text) {
        return LoadOutcome.load(scratch.dir, scratch.write(text), ENV);
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(FRAGMENTS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("abc:-#'\"[]{}$ \n").ofMaxLength(12)));
        return piece.list().ofMaxSize(80).map(pieces -> String.join("", pieces));
    }

    /** The valid config with a few fragments inserted, lines deleted or duplicated. */
    @Provide
    Arbitrary<String> editedConfigs() {
        List<String> withoutSecrets = FRAGMENTS.stream()
                .filter(f -> !f.contains("SECRET") && !f.contains(ScratchDir.SECRET_FILE)).toList();
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 2), positions(),
                Arbitraries.of(withoutSecrets)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String text = VALID;
            for (Edit e : edits) {
                text = e.apply(text);
            }
            return text;
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1);
    }

    /** Insert a fragment, delete a line, or duplicate a line, at a relative position. */
    private record Edit(int kind, double where, String fragment) {
        String apply(String text) {
            int at = (int) (where * text.length());
            if (kind == 0) {
                return text.substring(0, at) + fragment + text.substring(at);
            }
            int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end + 1;
            String line = text.substring(start, end);
            return text.substring(0, start) + (kind == 1 ? "" : line + line) + text.substring(end);
        }
    }
}
