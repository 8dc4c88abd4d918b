package dev.sluice.files.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConnectorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path root;

    @Test
    void aCompletedUploadAppearsWholeAndReplacesTheEarlierOne() throws IOException {
        try (LocalStore store = new LocalStore(root)) {
            write(store, "t/part-1.jsonl", "first version, longer than the second\n");
            Upload second = store.begin("t/part-1.jsonl");
            second.stream().write("second\n".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(root.resolve("t/part-1.jsonl"))).isEqualTo("first version, longer than the second\n");
            second.complete();
            assertThat(Files.readString(root.resolve("t/part-1.jsonl"))).isEqualTo("second\n");
            assertThat(files()).containsExactly(root.resolve("t/part-1.jsonl"));
        }
    }

    @Test
    void nothingIsVisibleBeforeCompleteAndParentDirectoriesAreCreated() throws IOException {
        Upload upload = new LocalStore(root).begin("a/b/c/object.csv");
        upload.stream().write(new byte[200_000]);
        assertThat(root.resolve("a/b/c/object.csv")).doesNotExist();
        assertThat(root.resolve("a/b/c")).isDirectory();
        try (Stream<Path> temp = Files.list(root.resolve("a/b/c"))) {
            assertThat(temp.map(p -> p.getFileName().toString()).toList())
                    .singleElement().satisfies(n -> assertThat(n).startsWith(".object.csv.").endsWith(".tmp"));
        }
        upload.complete();
        assertThat(Files.size(root.resolve("a/b/c/object.csv"))).isEqualTo(200_000);
    }

    @Test
    void abortLeavesNothingAndKeepsTheEarlierObject() throws IOException {
        LocalStore store = new LocalStore(root);
        write(store, "kept", "old\n");
        Upload upload = store.begin("kept");
        upload.stream().write("new and never seen".getBytes(StandardCharsets.UTF_8));
        upload.abort();
        upload.abort();
        Upload fresh = store.begin("fresh/never");
        fresh.abort();
        assertThat(files()).containsExactly(root.resolve("kept"));
        assertThat(Files.readString(root.resolve("kept"))).isEqualTo("old\n");
        assertThatThrownBy(upload::complete).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> upload.stream().write(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedCompleteAbortsAndNamesTheFile() throws IOException {
        LocalStore store = new LocalStore(root);
        Upload upload = store.begin("dir/x");
        upload.stream().write(1);
        Files.createDirectories(root.resolve("dir/x/occupied")); // a non-empty directory cannot be replaced by a file
        assertThatThrownBy(upload::complete).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(root.resolve("dir/x").toString());
        assertThat(files()).isEmpty();
    }

    @Test
    void concurrentUploadsOfDifferentKeysEachAppearWhole() throws Exception {
        LocalStore store = new LocalStore(root);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    Upload u = store.begin("t/" + (n % 4) + "/object-" + n);
                    for (int chunk = 0; chunk < 50; chunk++) {
                        u.stream().write(bytes(n, 10_000));
                    }
                    u.complete();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).hasSize(32);
        for (int n = 0; n < 32; n++) {
            byte[] content = Files.readAllBytes(root.resolve("t/" + (n % 4) + "/object-" + n));
            assertThat(content).hasSize(500_000);
            assertThat(content).containsOnly((byte) n);
        }
    }

    @Test
    void concurrentUploadsOfOneKeyLeaveOneOfThemWhole() throws Exception {
        LocalStore store = new LocalStore(root);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    Upload u = store.begin("same");
                    for (int chunk = 0; chunk < 20; chunk++) {
                        u.stream().write(bytes(n, 10_000));
                    }
                    u.complete();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files()).containsExactly(root.resolve("same"));
        byte[] content = Files.readAllBytes(root.resolve("same"));
        assertThat(content).hasSize(200_000);
        assertThat(allSame(content)).isTrue();
    }

    @Test
    void aReaderSeesTheOldObjectOrTheNewOneNeverAPart() throws Exception {
        LocalStore store = new LocalStore(root);
        Path file = root.resolve("watched");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> partial = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    byte[] seen = Files.readAllBytes(file);
                    reads.incrementAndGet();
                    if (seen.length != 300_000 || !allSame(seen)) {
                        synchronized (partial) {
                            partial.add(seen.length + " bytes");
                        }
                    }
                } catch (NoSuchFileException notYet) {
                    // before the first complete
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        reader.start();
        try {
            for (int version = 0; version < 40; version++) {
                Upload u = store.begin("watched");
                for (int chunk = 0; chunk < 30; chunk++) {
                    u.stream().write(bytes(version, 10_000));
                }
                u.complete();
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(reads.get()).isPositive();
        assertThat(partial).isEmpty();
        assertThat(files()).containsExactly(file);
    }

    @Test
    void keysThatLeaveTheRootOrAreNotRelativeAreRefused() {
        LocalStore store = new LocalStore(root);
        for (String bad : List.of("", "/etc/passwd", "../outside", "a/../../outside", "a/./b", "a//b", "a/", "..")) {
            assertThatThrownBy(() -> store.begin(bad)).as(bad).isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("object key '" + bad + "' refused");
            assertThatThrownBy(() -> store.probe(bad)).as(bad).isInstanceOf(ConnectorException.class);
        }
        assertThat(root.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void probeWritesAndDeletesItsFile() throws IOException {
        LocalStore store = new LocalStore(root.resolve("not/yet"));
        store.probe("t/.sluice-probe");
        assertThat(root.resolve("not/yet/t")).isEmptyDirectory();
        assertThat(store.where("t/x.csv")).isEqualTo(root.resolve("not/yet/t/x.csv").toString());
    }

    @Test
    void aFileInThePlaceOfADirectoryFailsTheProbe() throws IOException {
        Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> new LocalStore(root).probe("file/probe"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining(root.resolve("file/probe").toString());
    }

    private static void write(ObjectStore store, String key, String content) throws IOException {
        Upload u = store.begin(key);
        try (OutputStream out = u.stream()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        u.complete();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static byte[] bytes(int value, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static boolean allSame(byte[] b) {
        for (byte x : b) {
            if (x != b[0]) {
                return false;
            }
        }
        return true;
    }
}
