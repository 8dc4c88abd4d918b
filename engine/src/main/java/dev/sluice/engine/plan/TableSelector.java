package dev.sluice.engine.plan;

import dev.sluice.spi.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Picks tables the way CloudQuery does: {@code tables} and {@code skip_tables} are globs over
 * table names (children included); skip_tables wins and removes a table's children with it;
 * a selected child brings its parent; a parent brings its children unless
 * {@code skip_dependent_tables}. A pattern that matches no table is an error.
 */
public final class TableSelector {
    private static final int SHOWN = 10;
    private TableSelector() {
    }

    /** Thrown when a pattern matches nothing; {@link #field()} is {@code tables} or {@code skip_tables}. */
    public static final class NoMatchException extends RuntimeException {
        private final String field;

        NoMatchException(String field, String pattern, List<Table> offered) {
            super(field + " has a pattern \"" + pattern + "\" that matches no table of this source ("
                    + (offered.isEmpty() ? "it offers none" : "it offers " + names(offered)) + ")");
            this.field = field;
        }

        private static String names(List<Table> offered) {
            List<String> names = offered.stream().map(Table::name).limit(SHOWN).toList();
            return String.join(", ", names) + (offered.size() > SHOWN ? " and " + (offered.size() - SHOWN) + " more" : "");
        }

        public String field() {
            return field;
        }
    }

    public static List<Table> select(List<Table> all, List<String> tables, List<String> skipTables, boolean skipDependentTables) {
        List<Table> flat = all.stream().flatMap(t -> t.flatten().stream()).toList();
        Predicate<Table> include = matcher(flat, tables, "tables");
        Predicate<Table> exclude = matcher(flat, skipTables, "skip_tables");
        List<Table> selected = new ArrayList<>();
        for (Table t : all) {
            filter(t, false, include, exclude, skipDependentTables).ifPresent(selected::add);
        }
        return selected;
    }

    private static Optional<Table> filter(Table t, boolean parentMatched, Predicate<Table> include,
                                          Predicate<Table> exclude, boolean skipDependent) {
        if (exclude.test(t)) {
            return Optional.empty();
        }
        boolean matched = (parentMatched && !skipDependent) || include.test(t);
        List<Table> children = new ArrayList<>();
        for (Table child : t.children()) {
            Optional<Table> kept = filter(child, matched, include, exclude, skipDependent);
            if (kept.isPresent()) {
                children.add(kept.get());
                matched = true;
            }
        }
        return matched ? Optional.of(t.withChildren(children)) : Optional.empty();
    }

    private static Predicate<Table> matcher(List<Table> flat, List<String> patterns, String field) {
        List<Pattern> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            Pattern m = glob(pattern);
            if (flat.stream().noneMatch(t -> m.matcher(t.name()).matches())) {
                throw new NoMatchException(field, pattern, flat);
            }
            matchers.add(m);
        }
        return t -> matchers.stream().anyMatch(m -> m.matcher(t.name()).matches());
    }

    /** {@code *} matches any run of characters, {@code ?} one character; the rest is literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
