package dev.sluice.engine.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The config files the paths name, as CloudQuery finds them: a file as it is; a directory's
 * {@code *.yml} and {@code *.yaml} files (not hidden, not recursive) sorted by name. A path that
 * does not exist, cannot be read, or is a directory without config files is a problem naming it.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static List<Path> expand(List<Path> paths, List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(listDirectory(path, problems));
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                problems.add(Problem.inFile(path.toString(), "no such file or directory"));
            }
        }
        return files;
    }

    /** The file's text, or empty after reporting why it cannot be read. */
    static Optional<String> read(Path file, List<Problem> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.add(Problem.inFile(file.toString(), "is not UTF-8 text"));
        } catch (AccessDeniedException e) {
            problems.add(Problem.inFile(file.toString(), "cannot be read: permission denied"));
        } catch (IOException e) {
            problems.add(Problem.inFile(file.toString(), "cannot be read (" + reason(e) + ")"));
        }
        return Optional.empty();
    }

    private static List<Path> listDirectory(Path dir, List<Problem> problems) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> found = entries
                    .filter(p -> isConfigName(p.getFileName().toString()) && !Files.isDirectory(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            if (found.isEmpty()) {
                problems.add(Problem.inFile(dir.toString(), "directory has no .yml or .yaml files"));
            }
            return found;
        } catch (IOException e) {
            problems.add(Problem.inFile(dir.toString(), "directory cannot be read (" + reason(e) + ")"));
            return List.of();
        }
    }

    /** The operating system's reason, in words (never an exception's class name). */
    private static String reason(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "input/output error";
    }

    private static boolean isConfigName(String name) {
        return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }
}
