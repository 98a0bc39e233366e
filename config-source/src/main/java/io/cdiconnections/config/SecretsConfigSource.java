package io.cdiconnections.config;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Exposes Streamlit's {@code secrets.toml} files (and Kubernetes-style secrets directories) as
 * one MicroProfile {@link ConfigSource}, flattened to dotted keys:
 * {@code [connections.sql] password = "…"} becomes {@code connections.sql.password}.
 *
 * <p>Files are read in this order, a later one overriding an earlier one key by key: the class
 * path resource {@code .streamlit/secrets.toml}, {@code ~/.streamlit/secrets.toml},
 * {@code ./.streamlit/secrets.toml}, then every entry of {@code secrets.files} (system property,
 * else environment variable {@code SECRETS_FILES}). The ordinal is 250 unless a file sets
 * {@code config_ordinal}, so environment variables (300) and system properties (400) override the
 * files. The files are watched: a change is swapped in whole and {@link SecretsChangeListener}s
 * are told which keys changed. See docs/config-source.md for the details.
 *
 * <p>Usually registered by {@link SecretsConfigSourceProvider}; to assemble a config by hand:
 *
 * <pre>{@code
 * Config config = ConfigProviderResolver.instance().getBuilder()
 *         .addDefaultSources()
 *         .withSources(new SecretsConfigSource(classLoader))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. {@code toString()} names the files and counts keys; it never shows a value.
 */
public final class SecretsConfigSource implements ConfigSource, AutoCloseable {

    /** Name of this source as {@link #getName()} reports it. */
    public static final String NAME = "SecretsConfigSource";
    /** The ordinal when no file sets {@code config_ordinal}: above properties files, below env. */
    public static final int DEFAULT_ORDINAL = 250;

    private static final Logger LOG = System.getLogger(SecretsConfigSource.class.getPackageName());

    private final SecretsLoader loader;
    private final List<String> searched;
    private final int ordinal;
    private final List<SecretsChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final SecretsWatcher watcher;
    private final List<Path> watched;
    private AutoCloseable watch; // guarded by this; null while closed
    private volatile Snapshot snapshot;

    /**
     * Reads the secrets files visible to an application and starts watching them.
     *
     * @param classLoader the application's class loader (a WAR's), searched for
     *                    {@code .streamlit/secrets.toml}; null to skip the class path
     * @throws SecretsException when a file is invalid or unreadable, or a path named in
     *                          {@code secrets.files} does not exist
     */
    public SecretsConfigSource(ClassLoader classLoader) {
        this(SecretsLocations.discover(classLoader), SecretsWatcher.SHARED);
    }

    /**
     * Reads exactly these files (or directories, as entries of {@code secrets.files} are read), in
     * this order, later ones overriding earlier ones key by key, and watches them: what the
     * secrets checker uses. Close it when done.
     *
     * <pre>{@code
     * try (SecretsConfigSource source = SecretsConfigSource.ofFiles(List.of(Path.of("secrets.toml")))) {
     *     source.getPropertyNames().forEach(System.out::println);
     * }
     * }</pre>
     *
     * @param files the files, each of which must exist
     * @return the source
     * @throws SecretsException when a file is missing, invalid or unreadable
     */
    public static SecretsConfigSource ofFiles(List<Path> files) {
        return new SecretsConfigSource(files.stream()
                .map(f -> SecretsLocation.of(SecretsLocation.Kind.EXPLICIT, f.toAbsolutePath().normalize())).toList(),
                SecretsWatcher.SHARED);
    }

    SecretsConfigSource(List<SecretsLocation> locations, SecretsWatcher watcher) {
        this.loader = new SecretsLoader(locations);
        this.searched = searched(locations);
        this.watcher = watcher;
        this.watched = locations.stream().map(SecretsLocation::path).filter(Objects::nonNull).toList();
        Fingerprint beforeReading = Fingerprint.of(watched);
        this.snapshot = loader.load();
        this.ordinal = ordinalOf(snapshot);
        if (snapshot.files().isEmpty()) {
            LOG.log(Level.INFO, Messages.noSecretsFound(searched));
        }
        this.watch = watcher.watch(this, watched, beforeReading);
    }

    private static List<String> searched(List<SecretsLocation> locations) {
        List<String> places = new ArrayList<>();
        if (locations.stream().noneMatch(l -> l.kind() == SecretsLocation.Kind.CLASSPATH)) {
            places.add("class path resource " + SecretsLocations.RESOURCE);
        }
        locations.forEach(l -> places.add(l.describe()));
        return places;
    }

    private static int ordinalOf(Snapshot snapshot) {
        String value = snapshot.values().get(SecretsLoader.ORDINAL_KEY);
        return value == null ? DEFAULT_ORDINAL : Integer.parseInt(value);
    }

    /** {@inheritDoc} The keys of the current snapshot, which a reload replaces. */
    @Override
    public Set<String> getPropertyNames() {
        return snapshot.values().keySet();
    }

    /** {@inheritDoc} An unmodifiable view of the current snapshot, consistent in itself. */
    @Override
    public Map<String, String> getProperties() {
        return snapshot.values();
    }

    /** {@inheritDoc} */
    @Override
    public String getValue(String propertyName) {
        return snapshot.value(propertyName);
    }

    /**
     * @param propertyName a key of this source
     * @return the file or directory its current value comes from, as the user names it (a path,
     *         or a class path URL), or empty when this source does not have the key
     */
    public Optional<String> origin(String propertyName) {
        return Optional.ofNullable(snapshot.origins().get(propertyName));
    }

    /** @return the files and directories read now, in the order they were merged */
    public List<String> files() {
        return snapshot.files().stream().map(Snapshot.FileSummary::file).toList();
    }

    /**
     * @return every place this source looks for secrets, found or not, as the user names them
     *         (for messages that must say where a missing section was looked for)
     */
    public List<String> searched() {
        return searched;
    }

    /** {@inheritDoc} Always {@link #NAME}. */
    @Override
    public String getName() {
        return NAME;
    }

    /**
     * {@inheritDoc} {@value #DEFAULT_ORDINAL}, or {@code config_ordinal} from the files as they
     * were at startup: MicroProfile Config orders its sources once.
     */
    @Override
    public int getOrdinal() {
        return ordinal;
    }

    /**
     * Registers a listener told of every later change of this source's values. On a closed
     * source it starts watching the files again (an application started again in the same class
     * loader, such as a second CDI container of a Java SE program, subscribes anew); the first
     * round of the watcher then reloads the files, which may have changed in the meantime.
     *
     * @param listener the listener
     * @return a handle whose {@code close()} removes the listener again
     */
    public AutoCloseable addChangeListener(SecretsChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        synchronized (this) {
            if (watch == null) {
                // null: unlike any fingerprint, so the watcher's first round reloads
                watch = watcher.watch(this, watched, null);
            }
        }
        return () -> listeners.remove(listener);
    }

    /**
     * Whether some listener is registered, so that an application that stops can tell whether
     * another one still relies on this source being watched before it closes it.
     *
     * @return true while at least one listener added with {@link #addChangeListener} is registered
     */
    public boolean hasChangeListeners() {
        return !listeners.isEmpty();
    }

    /**
     * Stops watching the files; the current values stay readable. When no other source of this
     * copy of the library is watched, the watcher thread has ended when this returns, so that it
     * no longer holds the application's class loader. Closing is what an application's shutdown
     * should do (the CDI extension does it); a source nobody references any more also stops being
     * watched by itself, but only after a garbage collection.
     */
    @Override
    public void close() {
        AutoCloseable closing;
        synchronized (this) {
            closing = watch;
            watch = null;
        }
        if (closing != null) {
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reads the files again; called by the watcher thread after they changed. */
    void reload() {
        Snapshot next;
        try {
            next = loader.load();
        } catch (SecretsException e) {
            LOG.log(Level.WARNING, Messages.reloadFailed(e.getMessage()));
            return;
        }
        Set<String> changed = snapshot.changedKeys(next);
        snapshot = next;
        if (!changed.isEmpty()) {
            LOG.log(Level.INFO, Messages.reloaded(changed.size()));
            notifyListeners(new SecretsChangeEvent(changed));
        }
    }

    private void notifyListeners(SecretsChangeEvent event) {
        for (SecretsChangeListener listener : listeners) {
            try {
                listener.secretsChanged(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, Messages.listenerFailed(listener), e);
            } catch (LinkageError e) {
                // its application's class loader is gone: it can never succeed again
                listeners.remove(listener);
                LOG.log(Level.WARNING, Messages.listenerDropped(listener, e.getClass().getName()));
            }
        }
    }

    /** Names the files and counts keys; never shows a value. */
    @Override
    public String toString() {
        return NAME + "[ordinal " + ordinal + ", " + snapshot + "]";
    }
}
