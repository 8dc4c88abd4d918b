package dev.sluice.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a config file into its documents as CloudQuery does: CRLF becomes LF, and every line
 * that is exactly {@code ---} separates two documents. Documents are numbered from 1 in file
 * order, empty ones included, so that a document's number never depends on its neighbours.
 */
final class DocumentSplitter {
    /** One {@code ---}-separated chunk: its number, the file line it starts on (from 1) and its text. */
    record Chunk(int number, int firstLine, String text) {
    }

    private DocumentSplitter() {
    }

    static List<Chunk> split(String fileText) {
        String text = fileText.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int firstLine = 1;
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String content = end < 0 ? text.substring(start) : text.substring(start, end);
            if (content.equals("---")) {
                chunks.add(new Chunk(chunks.size() + 1, firstLine, current.toString()));
                current.setLength(0);
                firstLine = line + 1;
            } else {
                current.append(content);
                if (end >= 0) {
                    current.append('\n');
                }
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
            line++;
        }
        chunks.add(new Chunk(chunks.size() + 1, firstLine, current.toString()));
        return chunks;
    }
}
