package io.cdiconnections.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.internal.cdi.DeploymentCheck;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.config.SecretsException;
import io.cdiconnections.internal.health.ConnectionProbe;
import io.cdiconnections.internal.health.ConnectionStatus;
import io.cdiconnections.internal.Durations;
import io.cdiconnections.internal.SecretsReader;
import io.cdiconnections.internal.registry.ConnectionRegistry;
import io.cdiconnections.internal.registry.ConnectionRequest;
import io.cdiconnections.internal.registry.Resolution;
import io.cdiconnections.internal.registry.TypeResolver;

/**
 * Checks secrets.toml files before a deployment, in CI or in a container's entrypoint: reads
 * them exactly as the {@code SecretsConfigSource} does, with environment variables and system
 * properties over them as MicroProfile Config puts them, lists every {@code [connections.<name>]}
 * section with its resolved type and where each key comes from (keys only, never a value), and
 * reports the problems deployment would report, in the same words. With {@code --connect} it
 * also connects each connection and prints UP or DOWN with the time it took.
 *
 * <pre>
 * java -jar cdi-connections-check.jar [--connect] [--timeout PT10S] [--war app.war] [files...]
 * java -cp "cdi-connections-check.jar:my-driver.jar" io.cdiconnections.check.SecretsCheck [--connect] [files...]
 * </pre>
 *
 * <p>With {@code --war} (a WAR file, an exploded WAR folder, a classes folder or a jar; repeat it
 * for several) it checks what the server will see: the secrets file on the application's class
 * path ({@code WEB-INF/classes/.streamlit/secrets.toml}) under the files given, and every
 * {@code @Connection} injection point of the application's classes (found by Jandex, without
 * loading them), each resolved and validated by the extension's own {@code DeploymentCheck},
 * with the application's connection classes loaded from its {@code WEB-INF/classes} and
 * {@code WEB-INF/lib}. Without it, a section with no {@code type} key whose name is not a short
 * name cannot be typed (its type comes from code) and is reported as not checked.
 *
 * <p>{@code cdi-connections-check.jar} (module {@code checker}) holds this class, everything it
 * needs, Jandex and the H2, PostgreSQL and MariaDB drivers; other drivers and connection types go
 * on the class path beside it, as in the second line, or come with {@code --war}.
 *
 * <p>Without files, the files the application would read are read: {@code ~/.streamlit/secrets.toml},
 * {@code ./.streamlit/secrets.toml} and {@code secrets.files} / {@code SECRETS_FILES}. Exit codes:
 * {@value #OK} when everything was checked and is well, {@value #PROBLEMS} when a problem was found
 * (whatever else), {@value #USAGE} for a wrong command line, {@value #NOT_CHECKED} when no problem
 * was found but something could not be checked (a section whose type comes from code, a connection
 * {@code --connect} did not connect), so that "0 problems" is never read as "all is well".
 */
public final class SecretsCheck {

    /** Exit code: every file reads and every connection and injection point resolves, validates (and connects). */
    public static final int OK = 0;
    /** Exit code: a file, a connection or an injection point has a problem. */
    public static final int PROBLEMS = 1;
    /** Exit code: the command line is wrong. */
    public static final int USAGE = 2;
    /** Exit code: no problem was found, but a connection or an injection point could not be checked. */
    public static final int NOT_CHECKED = 3;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private final SortedSet<String> notChecked = new TreeSet<>();
    private Application application;
    private int problems;

    private SecretsCheck(PrintStream out, Map<String, String> systemProperties, Map<String, String> environment) {
        this.out = out;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /**
     * Runs the check on the command line's arguments and exits with its code.
     *
     * @param args {@code [--connect] [--timeout DURATION] [--war PATH ...] [files...]}
     */
    public static void main(String[] args) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        System.exit(run(List.of(args), System.out, properties, System.getenv()));
    }

    /**
     * Runs the check, printing to {@code out}: what {@link #main} does, without exiting.
     *
     * <pre>{@code
     * int code = SecretsCheck.run(List.of("--war", "target/app.war", "secrets.toml"), System.out, Map.of(),
     *         System.getenv());
     * }</pre>
     *
     * @param args             {@code [--connect] [--timeout DURATION] [--war PATH ...] [files...]}
     * @param out              where the report goes
     * @param systemProperties the system properties to lay over the files
     * @param environment      the environment variables to lay over the files
     * @return {@link #OK}, {@link #PROBLEMS}, {@link #USAGE} or {@link #NOT_CHECKED}
     */
    public static int run(List<String> args, PrintStream out, Map<String, String> systemProperties,
                          Map<String, String> environment) {
        boolean connect = false;
        Duration timeout = DEFAULT_TIMEOUT;
        List<Path> files = new ArrayList<>();
        List<Path> wars = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--connect")) {
                connect = true;
            } else if (a.equals("--timeout") && i + 1 < args.size()) {
                Optional<Duration> d = Durations.parse(args.get(++i)).filter(t -> !t.isZero());
                if (d.isEmpty()) {
                    out.println(CheckMessages.badTimeout());
                    return USAGE;
                }
                timeout = d.get();
            } else if (a.equals("--war") && i + 1 < args.size()) {
                Path war = Path.of(args.get(++i));
                if (!Files.exists(war)) {
                    out.println(CheckMessages.noSuchWar(war));
                    return USAGE;
                }
                wars.add(war);
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(CheckMessages.usage());
                return OK;
            } else if (a.startsWith("-")) {
                out.println(CheckMessages.unknownOption(a));
                return USAGE;
            } else {
                files.add(Path.of(a));
            }
        }
        SecretsCheck check = new SecretsCheck(out, systemProperties, environment);
        if (wars.isEmpty()) {
            return check.check(files, connect, timeout);
        }
        try (Application app = Application.open(wars)) {
            check.application = app;
            return check.check(files, connect, timeout);
        } catch (IOException e) {
            out.println(CheckMessages.warError(wars.toString(), e));
            return PROBLEMS;
        }
    }

    private int check(List<Path> files, boolean connect, Duration timeout) {
        ClassLoader loader = application == null ? SecretsCheck.class.getClassLoader() : application.loader();
        SecretsConfigSource secrets;
        try {
            secrets = openSecrets(files);
        } catch (SecretsException e) {
            print(CheckMessages.fileError(e.getMessage()));
            return PROBLEMS;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // as the server runs the application: drivers are found through it
        try (secrets) {
            CheckConfig config = new CheckConfig(secrets, systemProperties, environment);
            print(secrets.files().isEmpty() ? CheckMessages.noFiles() : CheckMessages.filesHeader());
            secrets.files().forEach(f -> print(CheckMessages.file(f)));
            SortedSet<String> names = SecretsReader.connectionNames(config);
            int injectionPoints = -1;
            try (ConnectionRegistry registry = new ConnectionRegistry(config, loader)) {
                Map<String, TypedAt> typedAt = new HashMap<>();
                if (application != null) {
                    injectionPoints = checkInjectionPoints(registry, typedAt);
                }
                for (String name : names) {
                    describe(registry, config, name, typedAt.get(name));
                }
                if (connect && problems == 0) {
                    connectAll(registry, timeout);
                }
            }
            print(CheckMessages.summary(names.size(), injectionPoints, problems, notChecked.size()));
            return problems > 0 ? PROBLEMS : notChecked.isEmpty() ? OK : NOT_CHECKED;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The files given, or the application's places; with a WAR, its class-path secrets first, as the server reads them. */
    private SecretsConfigSource openSecrets(List<Path> files) {
        if (files.isEmpty()) {
            return new SecretsConfigSource(application == null ? null : application.loader());
        }
        List<Path> all = new ArrayList<>();
        if (application != null) {
            application.classPathSecrets().ifPresent(all::add);
        }
        all.addAll(files);
        return SecretsConfigSource.ofFiles(all);
    }

    /**
     * Checks every injection point of the application as deployment does.
     *
     * @param typedAt filled with each connection name an injection point resolved: the first such injection point
     * @return how many injection points there are
     */
    private int checkInjectionPoints(ConnectionRegistry registry, Map<String, TypedAt> typedAt) {
        List<InjectionPointScanner.Found> found;
        try {
            found = InjectionPointScanner.scan(application.roots());
        } catch (IOException | RuntimeException e) {
            problem(CheckMessages.warError(application.describe(), e));
            return 0;
        }
        print(CheckMessages.injectionPointsHeader(found.size(), application.describe()));
        for (InjectionPointScanner.Found f : found) {
            String where = ConnectionRequest.describe(f.connection());
            print(CheckMessages.injectionPoint(f.qualified(), where, f.type()));
            if (DeploymentCheck.isDynamicLookup(f.type())) {
                print(CheckMessages.dynamicLookup());
                continue;
            }
            Class<?> declared;
            try {
                declared = Class.forName(f.type(), false, application.loader());
            } catch (ClassNotFoundException | LinkageError e) {
                notChecked.add(f.qualified());
                print(CheckMessages.typeNotFound(f.type()));
                continue;
            }
            DeploymentCheck.Outcome outcome;
            try {
                outcome = DeploymentCheck.check(registry, ConnectionRequest.of(f.connection()), declared);
            } catch (ConnectionException e) { // a malformed annotation
                outcome = new DeploymentCheck.Outcome(null, e.getMessage());
            }
            Resolution r = outcome.resolution();
            if (r != null) {
                typedAt.putIfAbsent(r.name(), new TypedAt(f.qualified(), r));
                print(CheckMessages.resolved(r.name(), r.type()));
            }
            if (outcome.problem() != null) {
                problem(DeploymentCheck.problem(f.site(), outcome.problem()));
            } else {
                registry.declare(r);
                print(CheckMessages.configurationOk());
            }
        }
        return found.size();
    }

    private void describe(ConnectionRegistry registry, CheckConfig config, String name, TypedAt typedAt) {
        String where = SecretsReader.section(name) + " in secrets.toml";
        boolean typed = config.getOptionalValue(SecretsReader.prefix(name) + "type", String.class).isPresent()
                || TypeResolver.SHORT_NAMES.containsKey(name);
        if (typedAt != null) { // resolved, validated and reported with its injection points
            print(CheckMessages.connectionAt(name, typedAt.resolution().type(), typedAt.injectionPoint()));
            try (BaseConnection<?> detached = registry.detachedHandle(typedAt.resolution())) {
                keys(config, name, keysOf(config, name, detached.secrets().asMap()));
            } catch (ConnectionException e) { // its type's constructor refused: reported with the injection point
                keys(config, name, keysOf(config, name, Map.of()));
            }
            return;
        }
        if (!typed) {
            notChecked.add(name);
            print(application == null ? CheckMessages.typeNotSet(name)
                    : CheckMessages.typeNotSetInWar(name, application.describe()));
            keys(config, name, keysOf(config, name, Map.of()));
            return;
        }
        boolean listed = false;
        try {
            Resolution r = registry.resolver().resolve(ConnectionRequest.named(name, where), null);
            try (BaseConnection<?> detached = registry.detachedHandle(r)) {
                print(CheckMessages.connection(name, r.type()));
                keys(config, name, keysOf(config, name, detached.secrets().asMap()));
                listed = true;
                detached.checkConfiguration();
                print(CheckMessages.configurationOk());
            }
        } catch (ConnectionException e) {
            if (!listed) { // resolving failed: the type is unknown, so only the keys the sources list
                print(CheckMessages.connectionUnresolved(name));
                keys(config, name, keysOf(config, name, Map.of()));
            }
            problem(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            problem(CheckMessages.checkFailed(name, e));
        }
    }

    /** A connection name an injection point resolved: where, and to what. */
    private record TypedAt(String injectionPoint, Resolution resolution) {
    }

    /** The keys of a section: those the sources list, and those the type found through environment and properties. */
    private static TreeMap<String, String> keysOf(CheckConfig config, String name, Map<String, String> resolved) {
        TreeMap<String, String> keys = new TreeMap<>();
        String prefix = SecretsReader.prefix(name);
        for (String property : config.getPropertyNames()) {
            if (property.startsWith(prefix)) {
                keys.put(property.substring(prefix.length()), property);
            }
        }
        resolved.keySet().forEach(k -> keys.putIfAbsent(k, prefix + k));
        return keys;
    }

    private void keys(CheckConfig config, String name, TreeMap<String, String> keys) {
        int width = keys.keySet().stream().mapToInt(String::length).max().orElse(0);
        keys.forEach((key, property) -> print(CheckMessages.key(key, width,
                CheckConfig.origin(config.getConfigValue(property)))));
    }

    private void connectAll(ConnectionRegistry registry, Duration timeout) {
        print(CheckMessages.connecting(timeout));
        for (ConnectionStatus s : new ConnectionProbe(registry, true).check(timeout, true)) {
            if (s.state().equals(ConnectionStatus.NOT_CONNECTED)) {
                notChecked.add(s.name());
                print(CheckMessages.notConnected(s.name()));
            } else if (s.up()) {
                print(CheckMessages.up(s.name(), s.time()));
            } else {
                problems++;
                print(CheckMessages.down(s.name(), s.time(), s.state(), s.error(), s.message()));
            }
        }
    }

    private void problem(String message) {
        problems++;
        print(CheckMessages.problem(message));
        if (CheckMessages.wantsClassPath(message)) { // the message speaks of the application; say how the check gets it
            print(CheckMessages.classPathHint());
        }
    }

    /** One line of the report, an unpacked WAR's temporary folder named as the WAR. */
    private void print(String line) {
        out.println(application == null ? line : application.shown(line));
    }
}
