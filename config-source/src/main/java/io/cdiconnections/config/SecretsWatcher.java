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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the paths of every {@link SecretsConfigSource} on one shared daemon thread and tells a
 * source to reload when what its paths hold has changed and stayed the same for a moment (so that
 * a half-written file is not read).
 *
 * <p>Polling decides (it also sees files in folders that do not exist yet, and network file
 * systems); a {@link WatchService} on the folders that exist only wakes the thread early. One
 * thread per copy of this class (per class loader), never one per source, and it runs only while
 * something is watched: the last {@code close()} of a watch stops it before returning, so that
 * it no longer pins the class loader of a stopped application.
 *
 * <p>A source is held weakly (MicroProfile Config never closes its sources, so a source whose
 * {@code Config} was dropped is collected and its watch goes with it). Nothing a watch does can
 * end the thread: a watch that fails with anything other than a {@link SecretsException} (which
 * the source itself reports) is logged once and dropped, since that is what a source of a
 * stopped or failed application does when its class loader is gone; the other watches go on.
 */
final class SecretsWatcher {

    /** The watcher every source uses. */
    static final SecretsWatcher SHARED = new SecretsWatcher(Duration.ofMillis(250), "cdi-connections-secrets-watcher");

    private static final Logger LOG = System.getLogger(SecretsConfigSource.class.getPackageName());
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The shortest pause between rounds, however many events a busy folder sends. */
    private static final long MIN_PAUSE_MILLIS = 50;
    /** How long {@code close()} waits for the thread to end; it ends at once unless stuck in I/O. */
    private static final long STOP_MILLIS = 10_000;

    private final Duration interval;
    private final String threadName;
    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();
    private Thread thread; // guarded by this

    SecretsWatcher(Duration interval, String threadName) {
        this.interval = interval;
        this.threadName = threadName;
    }

    /**
     * Starts watching for a source.
     *
     * @param initial what the paths held just before the source read them, so that a change made
     *                while it read is caught
     * @return closes the registration; the last one stops the thread before returning
     */
    AutoCloseable watch(SecretsConfigSource source, List<Path> paths, Fingerprint initial) {
        return watch(source, SecretsConfigSource::reload, paths, initial);
    }

    /**
     * Starts watching for any target held weakly; {@code reload} must not hold the target.
     *
     * @return closes the registration; the last one stops the thread before returning
     */
    <T> AutoCloseable watch(T target, Consumer<? super T> reload, List<Path> paths, Fingerprint initial) {
        Registration<T> registration = new Registration<>(target, reload, paths, initial);
        synchronized (this) {
            registrations.add(registration);
            if (thread == null) {
                // no inherited thread locals: they may hold whichever application started it
                thread = new Thread(null, this::run, threadName, 0, false);
                thread.setDaemon(true);
                // the thread must not pin whichever application class loader happened to start it
                thread.setContextClassLoader(null);
                thread.start();
            }
        }
        return () -> release(registration);
    }

    /** Whether the thread is running, for tests. */
    synchronized boolean isRunning() {
        return thread != null;
    }

    private void release(Registration<?> registration) {
        Thread stopping;
        synchronized (this) {
            registrations.remove(registration);
            registrations.removeIf(r -> r.target.get() == null);
            if (!registrations.isEmpty() || thread == null) {
                return;
            }
            stopping = thread;
            thread = null;
        }
        stopping.interrupt();
        if (stopping != Thread.currentThread()) {
            try {
                stopping.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Map<Path, WatchKey> keys = new HashMap<>();
        WatchService service = newWatchService();
        try {
            while (stillNeeded()) {
                for (Registration<?> registration : registrations) {
                    check(registration);
                }
                try {
                    watchFolders(service, keys);
                    await(service);
                } catch (InterruptedException e) {
                    // close() of the last watch, seen by stillNeeded(); any other interrupt is ignored
                } catch (Throwable e) {
                    // no failure of a folder or of the WatchService may end the watching of every source
                    logQuietly(() -> Messages.watcherFailed(e.getClass().getName()));
                    pause();
                }
            }
        } finally {
            closeQuietly(service);
            synchronized (this) {
                if (thread == Thread.currentThread()) {
                    thread = null;
                }
            }
        }
    }

    private synchronized boolean stillNeeded() {
        registrations.removeIf(r -> r.target.get() == null);
        if (registrations.isEmpty()) {
            thread = null;
        }
        return thread == Thread.currentThread();
    }

    /** One watch's round; whatever it throws drops that watch and nothing else. */
    private void check(Registration<?> registration) {
        try {
            registration.check();
        } catch (Throwable e) {
            registrations.remove(registration);
            logQuietly(() -> Messages.watchDropped(registration.paths.toString(), e.getClass().getName()));
        }
    }

    /** Logs, unless even that fails (the class loader of a stopped application can load nothing). */
    private static void logQuietly(Supplier<String> message) {
        try {
            LOG.log(Level.WARNING, message.get());
        } catch (Throwable ignored) {
            // nothing left to tell it with
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
        if (key == null) {
            return;
        }
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
        // an event woke the thread early; a folder that changes all the time must not keep it busy
        Thread.sleep(MIN_PAUSE_MILLIS);
    }

    private void pause() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            // close() of the last watch, seen by stillNeeded()
        }
    }

    /** Keeps a watch key on every existing folder that holds or is a watched path. */
    private void watchFolders(WatchService service, Map<Path, WatchKey> keys) {
        if (service == null) {
            return;
        }
        Set<Path> wanted = new HashSet<>();
        for (Registration<?> registration : registrations) {
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
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException | RuntimeException e) {
                // the thread ends anyway
            }
        }
    }

    /** What one source watches; its state is touched only by the watcher thread. */
    private static final class Registration<T> {
        final WeakReference<T> target;
        final Consumer<? super T> reload;
        final List<Path> paths;
        Fingerprint current;
        Fingerprint pending;
        long pendingSince;

        Registration(T target, Consumer<? super T> reload, List<Path> paths, Fingerprint current) {
            this.target = new WeakReference<>(target);
            this.reload = reload;
            this.paths = List.copyOf(paths);
            this.current = current;
        }

        void check() {
            T source = target.get();
            if (source == null) {
                return;
            }
            Fingerprint now = Fingerprint.of(paths);
            if (now.equals(current)) {
                pending = null;
            } else if (!now.equals(pending)) {
                pending = now;
                pendingSince = System.nanoTime();
            } else if (System.nanoTime() - pendingSince >= SETTLE_NANOS) {
                current = now;
                pending = null;
                reload.accept(source);
            }
        }
    }
}
