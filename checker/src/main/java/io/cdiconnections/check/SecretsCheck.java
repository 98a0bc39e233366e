package io.cdiconnections.check;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

import io.cdiconnections.BaseConnection;
import io.cdiconnections.Connection;
import io.cdiconnections.ConnectionException;
import io.cdiconnections.config.SecretsConfigSource;
import io.cdiconnections.config.SecretsException;
import io.cdiconnections.health.ConnectionProbe;
import io.cdiconnections.health.ConnectionStatus;
import io.cdiconnections.internal.Durations;
import io.cdiconnections.internal.Messages;
import io.cdiconnections.internal.SecretsReader;
import io.cdiconnections.registry.ConnectionRegistry;
import io.cdiconnections.registry.ConnectionRequest;
import io.cdiconnections.registry.Resolution;
import io.cdiconnections.registry.TypeResolver;

/**
 * Checks secrets.toml files before a deployment, in CI or in a container's entrypoint: reads
 * them exactly as the {@code SecretsConfigSource} does, with environment variables and system
 * properties over them as MicroProfile Config puts them, lists every {@code [connections.<name>]}
 * section with its resolved type and where each key comes from (keys only, never a value), and
 * reports the problems deployment would report, in the same words. With {@code --connect} it
 * also connects each connection and prints UP or DOWN with the time it took.
 *
 * <pre>
 * java -jar cdi-connections-check.jar [--connect] [--timeout PT10S] [files...]
 * java -cp "cdi-connections-check.jar:my-driver.jar" io.cdiconnections.check.SecretsCheck [--connect] [files...]
 * </pre>
 *
 * <p>{@code cdi-connections-check.jar} (module {@code checker}) holds this class, everything it
 * needs and the H2, PostgreSQL and MariaDB drivers; other drivers and connection types go on the
 * class path beside it, as in the second line. Any class path with {@code cdi-connections},
 * {@code cdi-connections-config-source}, {@code tomlj}, {@code microprofile-config-api},
 * {@code HikariCP}, {@code slf4j-api} and {@code caffeine} runs it too.
 *
 * <p>Without files, the files the application would read are read: {@code ~/.streamlit/secrets.toml},
 * {@code ./.streamlit/secrets.toml} and {@code secrets.files} / {@code SECRETS_FILES}. Exit code
 * 0 when all is well, 1 when a problem was found, 2 for a wrong command line.
 */
public final class SecretsCheck {

    /** Exit code: every file reads and every connection resolves, validates (and connects). */
    public static final int OK = 0;
    /** Exit code: a file or a connection has a problem. */
    public static final int PROBLEMS = 1;
    /** Exit code: the command line is wrong. */
    public static final int USAGE = 2;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;
    private int problems;

    private SecretsCheck(PrintStream out, Map<String, String> systemProperties, Map<String, String> environment) {
        this.out = out;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /**
     * Runs the check on the command line's arguments and exits with its code.
     *
     * @param args {@code [--connect] [--timeout DURATION] [files...]}
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
     * int code = SecretsCheck.run(List.of("--connect", "secrets.toml"), System.out, Map.of(), System.getenv());
     * }</pre>
     *
     * @param args             {@code [--connect] [--timeout DURATION] [files...]}
     * @param out              where the report goes
     * @param systemProperties the system properties to lay over the files
     * @param environment      the environment variables to lay over the files
     * @return {@link #OK}, {@link #PROBLEMS} or {@link #USAGE}
     */
    public static int run(List<String> args, PrintStream out, Map<String, String> systemProperties,
                          Map<String, String> environment) {
        boolean connect = false;
        Duration timeout = DEFAULT_TIMEOUT;
        List<Path> files = new ArrayList<>();
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
        return new SecretsCheck(out, systemProperties, environment).check(files, connect, timeout);
    }

    private int check(List<Path> files, boolean connect, Duration timeout) {
        SecretsConfigSource secrets;
        try {
            secrets = files.isEmpty() ? new SecretsConfigSource(null) : SecretsConfigSource.ofFiles(files);
        } catch (SecretsException e) {
            out.println(CheckMessages.fileError(e.getMessage()));
            return PROBLEMS;
        }
        try (secrets) {
            CheckConfig config = new CheckConfig(secrets, systemProperties, environment);
            out.println(secrets.files().isEmpty() ? CheckMessages.noFiles() : CheckMessages.filesHeader());
            secrets.files().forEach(f -> out.println(CheckMessages.file(f)));
            SortedSet<String> names = SecretsReader.connectionNames(config);
            ClassLoader loader = SecretsCheck.class.getClassLoader();
            try (ConnectionRegistry registry = new ConnectionRegistry(config, loader)) {
                for (String name : names) {
                    describe(registry, config, name);
                }
                if (connect && problems == 0) {
                    connectAll(registry, timeout);
                }
            }
            out.println(CheckMessages.summary(names.size(), problems));
            return problems == 0 ? OK : PROBLEMS;
        }
    }

    private void describe(ConnectionRegistry registry, CheckConfig config, String name) {
        String where = Messages.inSecretsToml(name);
        boolean typed = config.getOptionalValue(SecretsReader.prefix(name) + "type", String.class).isPresent()
                || TypeResolver.SHORT_NAMES.containsKey(name);
        if (!typed) {
            out.println(CheckMessages.typeNotSet(name));
            keys(config, name, keysOf(config, name, Map.of()));
            return;
        }
        boolean listed = false;
        try {
            Resolution r = registry.resolve(ConnectionRequest.of(name, "", null, "", Connection.UNBOUNDED, Map.of(),
                    where), null, where);
            try (BaseConnection<?> probe = registry.probe(r)) {
                out.println(CheckMessages.connection(name, r.type()));
                keys(config, name, keysOf(config, name, probe.secrets().asMap()));
                listed = true;
                probe.checkConfiguration();
                out.println(CheckMessages.configurationOk());
            }
        } catch (ConnectionException e) {
            if (!listed) { // resolving failed: the type is unknown, so only the keys the sources list
                out.println(CheckMessages.connectionUnresolved(name));
                keys(config, name, keysOf(config, name, Map.of()));
            }
            problem(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            problem(CheckMessages.checkFailed(name, e));
        }
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
        keys.forEach((key, property) -> out.println(CheckMessages.key(key, width,
                CheckConfig.origin(config.getConfigValue(property)))));
    }

    private void connectAll(ConnectionRegistry registry, Duration timeout) {
        out.println(CheckMessages.connecting(timeout));
        for (ConnectionStatus s : new ConnectionProbe(registry, true).check(timeout, true)) {
            if (s.state().equals(ConnectionStatus.NOT_CONNECTED)) {
                out.println(CheckMessages.notChecked(s.name()));
            } else if (s.up()) {
                out.println(CheckMessages.up(s.name(), s.time()));
            } else {
                problems++;
                out.println(CheckMessages.down(s.name(), s.time(), s.state(), s.error(), s.message()));
            }
        }
    }

    private void problem(String message) {
        problems++;
        out.println(CheckMessages.problem(message));
        if (CheckMessages.wantsClassPath(message)) { // the message speaks of the application; say how the check gets it
            out.println(CheckMessages.classPathHint());
        }
    }
}
