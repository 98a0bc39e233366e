package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

import io.cdiconnections.config.SecretsLocation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits, new files and broken files after startup, seen through the source within 2 seconds. */
class ReloadTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    @Test
    void anEditIsVisibleWithinTwoSeconds() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "[connections.sql]\npassword = \"old\"");
        try (SecretsConfigSource source = new SecretsConfigSource(
                List.of(SecretsLocation.of(Kind.EXPLICIT, file)), SecretsWatcher.SHARED)) {
            Secrets.write(file, "[connections.sql]\npassword = \"new\"");
            Secrets.await(WITHIN, "new password", () -> "new".equals(source.getValue("connections.sql.password")));
        }
    }

    @Test
    void listenersAreToldExactlyTheKeysAddedRemovedOrChanged() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1\nb = 2\nc = 3\nl = [1, 2]");
        List<SecretsChangeEvent> events = new CopyOnWriteArrayList<>();
        try (SecretsConfigSource source = Secrets.source(file)) {
            source.addChangeListener(events::add);
            Secrets.write(file, "a = 1\nb = 20\nd = 4\nl = [1, 3]");
            Secrets.await(WITHIN, "an event", () -> !events.isEmpty());
            assertThat(events).singleElement().extracting(SecretsChangeEvent::changedKeys)
                    .isEqualTo(Set.of("b", "c", "d", "l", "l[1]"));
        }
    }

    @Test
    void aRemovedListenerOrAnEditThatChangesNoValueTellsNobody() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        List<SecretsChangeEvent> removed = new CopyOnWriteArrayList<>();
        List<SecretsChangeEvent> kept = new CopyOnWriteArrayList<>();
        try (SecretsConfigSource source = Secrets.source(file)) {
            source.addChangeListener(removed::add).close();
            source.addChangeListener(kept::add);
            Secrets.write(file, "# only a comment\na = 1");
            Thread.sleep(500);
            assertThat(kept).isEmpty();
            Secrets.write(file, "a = 2");
            Secrets.await(WITHIN, "an event", () -> !kept.isEmpty());
            assertThat(removed).isEmpty();
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        List<SecretsChangeEvent> events = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            source.addChangeListener(event -> {
                throw new IllegalStateException("boom");
            });
            source.addChangeListener(events::add);
            Secrets.write(file, "a = 2");
            Secrets.await(WITHIN, "an event", () -> !events.isEmpty());
            assertThat(log.messages(Level.WARNING)).anySatisfy(m -> assertThat(m).contains("SecretsChangeListener"));
        }
    }

    @Test
    void anInvalidEditKeepsTheLastGoodValuesAndIsLogged() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "[connections.sql]\nhost = \"h\"\npassword = \"good\"");
        List<SecretsChangeEvent> events = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture(); SecretsConfigSource source = Secrets.source(file)) {
            source.addChangeListener(events::add);
            Secrets.write(file, "[connections.sql]\nhost = \"h2\"\npassword = \"unterminated");
            Secrets.await(WITHIN, "a logged error", () -> !log.messages(Level.WARNING).isEmpty());
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("previous values stay in force", file.toString(), "line 3");
            assertThat(source.getProperties()).containsEntry("connections.sql.host", "h")
                    .containsEntry("connections.sql.password", "good");
            assertThat(events).isEmpty();

            Secrets.write(file, "[connections.sql]\nhost = \"h3\"\npassword = \"good\"");
            Secrets.await(WITHIN, "the fixed file", () -> "h3".equals(source.getValue("connections.sql.host")));
            // listeners are told after the new values become visible: wait for the event too
            Secrets.await(WITHIN, "the change event", () -> !events.isEmpty());
            assertThat(events).singleElement().extracting(SecretsChangeEvent::changedKeys)
                    .isEqualTo(Set.of("connections.sql.host"));
        }
    }

    @Test
    void aDefaultFileCreatedAfterStartupIsPickedUp() throws Exception {
        Path later = tmp.resolve("work/.streamlit/secrets.toml");
        try (SecretsConfigSource source = Secrets.source(List.of(SecretsLocation.of(Kind.DEFAULT, later)))) {
            assertThat(source.getProperties()).isEmpty();
            Secrets.write(later, "[connections.sql]\nhost = \"late\"");
            Secrets.await(WITHIN, "the new file", () -> "late".equals(source.getValue("connections.sql.host")));
            Files.delete(later);
            Secrets.await(WITHIN, "the deleted file", () -> source.getProperties().isEmpty());
        }
    }

    @Test
    void aKubernetesSecretUpdateIsSeen() throws Exception {
        Path mount = tmp.resolve("secrets/db");
        Secrets.write(mount.resolve("..v1/password"), "one");
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("..v1"));
        Files.createSymbolicLink(mount.resolve("password"), Path.of("..data/password"));
        try (SecretsConfigSource source = Secrets.source(tmp.resolve("secrets"))) {
            assertThat(source.getValue("db")).isEqualTo("one");
            // what the kubelet does: write a new timestamped folder, then swap the ..data link
            Secrets.write(mount.resolve("..v2/password"), "two");
            Files.createSymbolicLink(mount.resolve("..data_tmp"), Path.of("..v2"));
            Files.move(mount.resolve("..data_tmp"), mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            Secrets.await(WITHIN, "the new secret", () -> "two".equals(source.getValue("db")));
        }
    }

    @Test
    void aReaderNeverSeesHalfOfTheOldAndHalfOfTheNewFile() throws Exception {
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 0\nb = 0");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        try (SecretsConfigSource source = Secrets.source(file)) {
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    Map<String, String> values = source.getProperties();
                    if (!values.get("a").equals(values.get("b"))) {
                        torn.set(values.toString());
                    }
                }
            });
            reader.start();
            for (int i = 1; i <= 5; i++) {
                String n = String.valueOf(i);
                Secrets.write(file, "a = " + n + "\nb = " + n);
                Secrets.await(WITHIN, "version " + n, () -> n.equals(source.getValue("a")));
            }
            stop.set(true);
            reader.join();
        }
        assertThat(torn.get()).isNull();
    }

    @Test
    void closingTheLastSourceEndsTheWatcherThread() throws Exception {
        SecretsWatcher watcher = new SecretsWatcher(Duration.ofMillis(50), "closing-test-watcher");
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        SecretsConfigSource source = new SecretsConfigSource(List.of(SecretsLocation.of(Kind.EXPLICIT, file)), watcher);
        assertThat(watcher.isRunning()).isTrue();
        source.close();
        Secrets.await(WITHIN, "the thread to end", () -> !watcher.isRunning());
        assertThat(source.getValue("a")).isEqualTo("1");
    }

    @Test
    void aSourceNobodyReferencesIsNoLongerWatchedAndItsThreadEnds() throws Exception {
        SecretsWatcher watcher = new SecretsWatcher(Duration.ofMillis(50), "gc-test-watcher");
        Path file = Secrets.write(tmp.resolve("secrets.toml"), "a = 1");
        WeakReference<SecretsConfigSource> ref = new WeakReference<>(
                new SecretsConfigSource(List.of(SecretsLocation.of(Kind.EXPLICIT, file)), watcher));
        assertThat(watcher.isRunning()).isTrue();
        Secrets.await(Duration.ofSeconds(10), "the thread to end", () -> {
            System.gc();
            return ref.get() == null && !watcher.isRunning();
        });
    }
}
