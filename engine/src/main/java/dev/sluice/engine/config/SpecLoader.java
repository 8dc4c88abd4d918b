package dev.sluice.engine.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a sync config the way CloudQuery reads one: every file (or directory of files), each
 * split into documents; per document, comments removed, then {@code ${file:...}},
 * {@code ${time:...}} and {@code ${ENV}} expanded as text, then strict YAML and strict fields.
 * Every problem of every file is collected and thrown at once as a {@link ConfigError}.
 * Reads files only; writes nothing.
 */
public final class SpecLoader {
    private final Path workingDirectory;
    private final Clock clock;

    /** Resolves {@code ${file:PATH}} against the process's working directory; {@code ${time:...}} uses UTC. */
    public SpecLoader() {
        this(Path.of("").toAbsolutePath(), Clock.systemUTC());
    }

    public SpecLoader(Path workingDirectory, Clock clock) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param paths config files or directories, in order
     * @param env the variables {@code ${NAME}} may use (the CLI passes {@code System.getenv()})
     * @throws ConfigError listing every problem found
     */
    public SyncSpec load(List<Path> paths, Map<String, String> env) {
        List<Problem> problems = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add(new Problem(null, null, null, "no config file given"));
        }
        Declarations declared = new Declarations(problems);
        List<SourceSpec> sources = new ArrayList<>();
        List<DestinationSpec> destinations = new ArrayList<>();
        DocumentReader reader = new DocumentReader(problems, declared, sources, destinations);
        VariableExpander expander = new VariableExpander(env, workingDirectory, clock);
        for (Path file : ConfigFiles.expand(paths, problems)) {
            Optional<String> text = ConfigFiles.read(file, problems);
            if (text.isEmpty()) {
                declared.markIncomplete();
                continue;
            }
            int problemsBefore = problems.size();
            boolean anyDocument = false;
            for (DocumentSplitter.Chunk chunk : DocumentSplitter.split(text.get())) {
                Origin origin = new Origin(file.toString(), chunk.number());
                Optional<Object> document = parse(chunk, origin, expander, problems, declared);
                document.ifPresent(doc -> reader.read(doc, origin));
                anyDocument |= document.isPresent();
            }
            if (!anyDocument && problems.size() == problemsBefore) {
                problems.add(Problem.inFile(file.toString(), "has no documents (it is empty or holds only comments):"
                        + " a config file defines sources and destinations, each in a document with kind: and spec:"));
                declared.markIncomplete();
            }
        }
        declared.checkReferences();
        if (!problems.isEmpty()) {
            throw new ConfigError(problems, readable(sources, destinations));
        }
        return new SyncSpec(sources, destinations);
    }

    /** What was read, the first of each name only (a duplicate name is one of the problems reported). */
    private static SyncSpec readable(List<SourceSpec> sources, List<DestinationSpec> destinations) {
        java.util.Set<String> sourceNames = new java.util.HashSet<>();
        java.util.Set<String> destinationNames = new java.util.HashSet<>();
        return new SyncSpec(sources.stream().filter(x -> sourceNames.add(x.name())).toList(),
                destinations.stream().filter(x -> destinationNames.add(x.name())).toList());
    }

    /** The document's YAML value; empty for an empty document or after reporting why it cannot be parsed. */
    private static Optional<Object> parse(DocumentSplitter.Chunk chunk, Origin origin, VariableExpander expander,
                                          List<Problem> problems, Declarations declared) {
        String stripped = CommentStripper.strip(chunk.text());
        if (stripped.isBlank()) {
            return Optional.empty();
        }
        VariableExpander.Result expanded = expander.expand(stripped);
        for (VariableExpander.Failure failure : expanded.failures()) {
            problems.add(Problem.at(origin, null, failure.message() + " (line " + fileLine(chunk, failure.line()) + ")"));
        }
        if (!expanded.failures().isEmpty()) {
            declared.markIncomplete();
            return Optional.empty();
        }
        YamlDocument.Parsed parsed = YamlDocument.parse(expanded.text());
        if (parsed.failure().isPresent()) {
            YamlDocument.Failure failure = parsed.failure().get();
            String where = failure.line() == 0 ? ""
                    : expanded.addedLines() ? " at line " + failure.line() + " of the document after expansion"
                    : " at line " + fileLine(chunk, failure.line()) + ", column " + failure.column();
            problems.add(Problem.at(origin, null, "not valid YAML" + where + ": " + failure.reason()));
            declared.markIncomplete();
            return Optional.empty();
        }
        return Optional.ofNullable(parsed.value());
    }

    private static int fileLine(DocumentSplitter.Chunk chunk, int documentLine) {
        return chunk.firstLine() + documentLine - 1;
    }
}
