package dev.sluice.engine.config;

import java.util.regex.Pattern;

/**
 * Removes YAML comments from a document before variables are expanded, so that a
 * {@code ${VAR}} in a comment is neither expanded nor reported missing. Line structure is
 * kept (only comment text goes), so line numbers stay those of the file.
 *
 * <p>A {@code #} starts a comment at the start of a line or after whitespace, but not inside a
 * single- or double-quoted scalar (which may span lines) nor in the body of a block scalar
 * ({@code |}, {@code >}). When unsure whether a line is block-scalar text, it is left alone:
 * a comment kept is harmless, text cut from a value is not.
 */
final class CommentStripper {
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][0-9+-]{0,2}");

    private boolean inDouble;
    private boolean inSingle;
    private int flowDepth;
    /** While in a block scalar's body: the indentation its lines must exceed; otherwise -1. */
    private int blockIndent = -1;

    private CommentStripper() {
    }

    static String strip(String document) {
        CommentStripper stripper = new CommentStripper();
        StringBuilder out = new StringBuilder(document.length());
        int start = 0;
        while (true) {
            int end = document.indexOf('\n', start);
            String line = end < 0 ? document.substring(start) : document.substring(start, end);
            out.append(stripper.line(line));
            if (end < 0) {
                return out.toString();
            }
            out.append('\n');
            start = end + 1;
        }
    }

    private String line(String line) {
        if (blockIndent >= 0) {
            if (line.isBlank() || indentOf(line) > blockIndent) {
                return line;
            }
            blockIndent = -1;
        }
        String kept = line.substring(0, commentStart(line));
        if (!inDouble && !inSingle && flowDepth == 0 && endsWithBlockIndicator(kept)) {
            blockIndent = parentIndent(kept);
        }
        return kept;
    }

    /** Scans one line, updating the quote and flow state; returns where its comment starts (or its length). */
    private int commentStart(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inDouble) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inDouble = false;
                }
            } else if (inSingle) {
                if (c == '\'') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        inSingle = false;
                    }
                }
            } else if (c == '#' && (i == 0 || isSpace(line.charAt(i - 1)))) {
                return i;
            } else if ((c == '"' || c == '\'') && startsNode(line, i)) {
                inDouble = c == '"';
                inSingle = c == '\'';
            } else if ((c == '[' || c == '{') && (flowDepth > 0 || startsNode(line, i))) {
                flowDepth++;
            } else if ((c == ']' || c == '}') && flowDepth > 0) {
                flowDepth--;
            }
        }
        return line.length();
    }

    /** Whether position i is where a node (scalar or flow collection) may begin, not the middle of a plain scalar. */
    private boolean startsNode(String line, int i) {
        int p = i - 1;
        while (p >= 0 && isSpace(line.charAt(p))) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char before = line.charAt(p);
        boolean gap = p < i - 1;
        boolean inFlow = flowDepth > 0;
        if (before == '-' || before == '?') {
            return gap && (p == 0 || isSpace(line.charAt(p - 1)));
        }
        if (before == ':') {
            return gap || inFlow;
        }
        if (before == '[' || before == '{' || before == ',') {
            return inFlow;
        }
        int tokenStart = p;
        while (tokenStart > 0 && !isSpace(line.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        char first = line.charAt(tokenStart);
        return gap && (first == '!' || first == '&');
    }

    private static boolean endsWithBlockIndicator(String kept) {
        String[] tokens = kept.trim().split("[ \t]+");
        if (tokens.length == 0 || !BLOCK_INDICATOR.matcher(tokens[tokens.length - 1]).matches()) {
            return false;
        }
        if (tokens.length == 1) {
            return true;
        }
        String previous = tokens[tokens.length - 2];
        return previous.endsWith(":") || previous.equals("-") || previous.equals("?")
                || previous.startsWith("!") || previous.startsWith("&");
    }

    /**
     * The indentation a block scalar's lines must exceed: that of the key it belongs to, or of
     * the {@code -} it follows; 0 when the indicator stands alone on its line (parent unknown).
     */
    private static int parentIndent(String kept) {
        int column = indentOf(kept);
        int lastDash = -1;
        while (column < kept.length() && kept.charAt(column) == '-'
                && (column + 1 == kept.length() || isSpace(kept.charAt(column + 1)))) {
            lastDash = column;
            column++;
            while (column < kept.length() && isSpace(kept.charAt(column))) {
                column++;
            }
        }
        String rest = kept.substring(column).trim();
        boolean indicatorOnly = rest.split("[ \t]+").length == 1 || rest.startsWith("!") || rest.startsWith("&");
        if (!indicatorOnly) {
            return column;
        }
        return lastDash >= 0 ? lastDash : 0;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
