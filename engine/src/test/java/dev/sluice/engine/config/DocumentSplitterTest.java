package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSplitterTest {
    @Test
    void splitsOnLinesThatAreExactlyThreeDashes() {
        List<DocumentSplitter.Chunk> chunks = DocumentSplitter.split("a: 1\r\n---\r\nb: 2\n--- \nc: 3\n---\n");
        assertThat(chunks).extracting(DocumentSplitter.Chunk::number).containsExactly(1, 2, 3);
        assertThat(chunks.get(0).text()).isEqualTo("a: 1\n");
        assertThat(chunks.get(1).text()).isEqualTo("b: 2\n--- \nc: 3\n");
        assertThat(chunks.get(1).firstLine()).isEqualTo(3);
        assertThat(chunks.get(2).text()).isEmpty();
    }

    @Test
    void leadingSeparatorMakesAnEmptyFirstDocument() {
        List<DocumentSplitter.Chunk> chunks = DocumentSplitter.split("---\nkind: source\n");
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).text()).isEmpty();
        assertThat(chunks.get(1).number()).isEqualTo(2);
        assertThat(chunks.get(1).firstLine()).isEqualTo(2);
    }

    @Test
    void dashesInsideAValueDoNotSplit() {
        assertThat(DocumentSplitter.split("a: ---\nb: \"---\"\n")).hasSize(1);
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertThat(DocumentSplitter.split("\uFEFFa: 1").get(0).text()).isEqualTo("a: 1");
    }
}
