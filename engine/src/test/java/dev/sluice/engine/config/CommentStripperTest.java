package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentStripperTest {
    @Test
    void removesFullLineAndTrailingCommentsKeepingLines() {
        String in = "# head ${X}\nkind: source # tail ${Y}\nspec:\n  name: a\n";
        assertThat(CommentStripper.strip(in)).isEqualTo("\nkind: source \nspec:\n  name: a\n");
    }

    @Test
    void hashInsideQuotedScalarsIsText() {
        assertThat(CommentStripper.strip("version: \"#${VERSION}\" # c")).isEqualTo("version: \"#${VERSION}\" ");
        assertThat(CommentStripper.strip("a: 'x # y' # c")).isEqualTo("a: 'x # y' ");
        assertThat(CommentStripper.strip("a: 'it''s # here' # c")).isEqualTo("a: 'it''s # here' ");
        assertThat(CommentStripper.strip("a: \"say \\\" # not\" # c")).isEqualTo("a: \"say \\\" # not\" ");
    }

    @Test
    void hashWithoutSpaceBeforeIsText() {
        assertThat(CommentStripper.strip("url: http://h/p#frag")).isEqualTo("url: http://h/p#frag");
        assertThat(CommentStripper.strip("a: b#c # d")).isEqualTo("a: b#c ");
    }

    @Test
    void apostropheInPlainScalarDoesNotOpenAQuote() {
        assertThat(CommentStripper.strip("a: it's # c\nb: x # d")).isEqualTo("a: it's \nb: x ");
    }

    @Test
    void quotedScalarsSpanLines() {
        String in = "a: \"first\n  # not a comment\n  last\" # comment\nb: 1";
        assertThat(CommentStripper.strip(in)).isEqualTo("a: \"first\n  # not a comment\n  last\" \nb: 1");
    }

    @Test
    void blockScalarBodiesAreKept() {
        String in = """
                key: |
                  line # kept
                  # kept too

                  ${X} # kept
                other: v # gone
                folded: >-
                  a # kept
                # gone
                """;
        assertThat(CommentStripper.strip(in)).isEqualTo("""
                key: |
                  line # kept
                  # kept too

                  ${X} # kept
                other: v\s
                folded: >-
                  a # kept

                """);
    }

    @Test
    void blockScalarUnderSequenceAndNestedKey() {
        String in = "items:\n  - |\n    a # kept\n  - b # gone\nm:\n  - k: |\n      x # kept\n    j: y # gone\n";
        assertThat(CommentStripper.strip(in))
                .isEqualTo("items:\n  - |\n    a # kept\n  - b \nm:\n  - k: |\n      x # kept\n    j: y \n");
    }

    @Test
    void blockIndicatorWithCommentAndKeepChomping() {
        assertThat(CommentStripper.strip("k: |+ # c\n  x # kept\ny: 1 # c"))
                .isEqualTo("k: |+ \n  x # kept\ny: 1 ");
    }

    @Test
    void pipeInsideAValueIsNotABlockScalar() {
        assertThat(CommentStripper.strip("a: x | y\nb: 1 # c")).isEqualTo("a: x | y\nb: 1 ");
    }

    @Test
    void flowCollections() {
        assertThat(CommentStripper.strip("d: [${D},postgresql] # c")).isEqualTo("d: [${D},postgresql] ");
        assertThat(CommentStripper.strip("d: [\"a # b\", 'c'] # c")).isEqualTo("d: [\"a # b\", 'c'] ");
        assertThat(CommentStripper.strip("d: {\"k\":\"#v\"} # c")).isEqualTo("d: {\"k\":\"#v\"} ");
    }

    @Test
    void commentedOutQuoteDoesNotOpenAQuote() {
        assertThat(CommentStripper.strip("# don't\na: 1 # x")).isEqualTo("\na: 1 ");
    }
}
