package io.cdiconnections.config;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Watches the paths of every {@link SecretsConfigSource} on one shared daemon thread and tells a
 * source to reload when what its paths hold has changed and stayed the same for a moment (so that
 * a half-written file is not read).
 *
 * <p>Polling decides (it also sees files in folders that do not exist yet, and network file
 * systems); a {@link WatchService} on the folders that exist only wakes the thread early. A
 * source is held weakly: MicroProfile Config never closes its sources, so a source whose
 * {@code Config} was dropped (an undeployed WAR) is collected, its registration goes, and the
 * thread ends once no registration is left. One thread per JVM (per class loader of this class),
 * never one per source.
 */
final class SecretsWatcher {

    /** The watcher every source uses. */
    static final SecretsWatcher SHARED = new SecretsWatcher(Duration.ofMillis(250), "cdi-connections-secrets-watcher");

    private static final Logger LOG = System.getLogger(SecretsConfigSource.class.getPackageName());
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Duration interval;
    private final String threadName;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private Thread thread; // guarded by this

    SecretsWatcher(Duration interval, String threadName) {
        this.interval = interval;
        this.threadName = threadName;
    }

    /** What one source watches; touched only by the watcher thread after registration. */
    private static final class Registration {
        final WeakReference<SecretsConfigSource> source;
        final List<Path> paths;
        Fingerprint current;
        Fingerprint pending;
        long pendingSince;

        Registration(SecretsConfigSource source, List<Path> paths, Fingerprint current) {
            this.source = new WeakReference<>(source);
            this.paths = List.copyOf(paths);
            this.current = current;
        }
    }

    /**
     * Starts watching for a source.
     *
     * @param initial what the paths held just before the source read them, so that a change made
     *                while it read is caught
     * @return closes the registration
     */
    AutoCloseable watch(SecretsConfigSource source, List<Path> paths, Fingerprint initial) {
        Registration registration = new Registration(source, paths, initial);
        registrations.add(registration);
        synchronized (this) {
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                // the thread must not pin whichever application class loader happened to start it
                thread.setContextClassLoader(null);
                thread.start();
            }
        }
        return () -> registrations.remove(registration);
    }

    /** Whether the thread is running, for tests. */
    synchronized boolean isRunning() {
        return thread != null;
    }

    private void run() {
        Map<Path, WatchKey> keys = new HashMap<>();
        try (WatchService service = newWatchService()) {
            while (stillNeeded()) {
                try {
                    registrations.forEach(this::check);
                    watchFolders(service, keys);
                } catch (RuntimeException e) {
                    // one bad round must not end the watching of every source
                    LOG.log(Level.WARNING, Messages.watcherFailed(e.getClass().getName()));
                }
                await(service);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, Messages.watcherFailed(e.getClass().getName()));
        } finally {
            // whatever ended this thread, the next registration starts a new one
            synchronized (this) {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            }
        }
    }

    private synchronized boolean stillNeeded() {
        registrations.removeIf(r -> r.source.get() == null);
        if (registrations.isEmpty()) {
            thread = null;
        }
        return thread == Thread.currentThread();
    }

    private void check(Registration registration) {
        SecretsConfigSource source = registration.source.get();
        if (source == null) {
            return;
        }
        Fingerprint now = Fingerprint.of(registration.paths);
        if (now.equals(registration.current)) {
            registration.pending = null;
        } else if (!now.equals(registration.pending)) {
            registration.pending = now;
            registration.pendingSince = System.nanoTime();
        } else if (System.nanoTime() - registration.pendingSince >= SETTLE_NANOS) {
            registration.current = now;
            registration.pending = null;
            source.reload();
        }
    }

    private void await(WatchService service) throws InterruptedException {
        long millis = registrations.stream().anyMatch(r -> r.pending != null)
                ? TimeUnit.NANOSECONDS.toMillis(SETTLE_NANOS) : interval.toMillis();
        if (service == null) {
            Thread.sleep(millis);
            return;
        }
        WatchKey key = service.poll(millis, TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
    }

    /** Keeps a watch key on every existing folder that holds or is a watched path. */
    private void watchFolders(WatchService service, Map<Path, WatchKey> keys) {
        if (service == null) {
            return;
        }
        Set<Path> wanted = new HashSet<>();
        for (Registration registration : registrations) {
            for (Path path : registration.paths) {
                wanted.add(Files.isDirectory(path) ? path : path.toAbsolutePath().getParent());
            }
        }
        wanted.removeIf(folder -> folder == null || !Files.isDirectory(folder));
        keys.entrySet().removeIf(entry -> {
            boolean stale = !wanted.contains(entry.getKey()) || !entry.getValue().isValid();
            if (stale) {
                entry.getValue().cancel();
            }
            return stale;
        });
        for (Path folder : wanted) {
            if (!keys.containsKey(folder)) {
                try {
                    keys.put(folder, folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                } catch (IOException | RuntimeException e) {
                    // polling still sees this folder's changes, only a little later
                    keys.remove(folder);
                }
            }
        }
    }

    private static WatchService newWatchService() {
        try {
            return FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
