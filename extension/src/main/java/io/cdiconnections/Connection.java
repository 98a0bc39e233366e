package io.cdiconnections;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import io.cdiconnections.internal.Redaction;

/**
 * Injects a shared connection configured from the {@code [connections.<name>]} section of
 * {@code secrets.toml} (through MicroProfile Config, so environment variables and system
 * properties override the file). The Jakarta EE form of Streamlit's
 * {@code st.connection(name, type, max_entries, ttl, **kwargs)}.
 *
 * <pre>{@code
 * @Inject @Connection(name = "sql", ttl = "PT10M")
 * SQLConnection sql;
 *
 * List<Item> items = sql.query("select * from item where owner = :owner", Map.of("owner", who))
 *                       .as(Item.class);
 * }</pre>
 *
 * <p>Injection points with the same name, type, options, ttl and maxEntries share one handle
 * (and so one pool); the raw instance behind it is created on first use. Every injection point
 * is validated when the application deploys: an unknown type or a missing required key fails
 * the deployment with a message naming the injection point.
 *
 * <p>The members are {@link Nonbinding}: the CDI extension replaces this qualifier with an
 * internal one that carries all of them, so resolution still honours every member.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface Connection {

    /** The value of {@link #maxEntries()} that sets no bound. */
    int UNBOUNDED = -1;

    /**
     * The connection name: the section {@code [connections.<name>]} of secrets.toml. A name of
     * the form {@code env:VAR} takes the name from the config property or environment variable
     * {@code VAR}. When no type is given, the names {@code sql}, {@code snowflake} and
     * {@code snowpark} also select the built-in type of that name.
     *
     * @return the connection name
     */
    @Nonbinding
    String name();

    /**
     * The connection type: a short name ({@code "sql"}, {@code "snowflake"},
     * {@code "snowpark"}) or the fully qualified name of a {@link BaseConnection} subclass.
     * Empty (the default) infers the type from the injection point's Java type, then from the
     * {@code type} key of the secrets section, then from the name.
     *
     * @return the type, or empty to infer it
     */
    @Nonbinding
    String type() default "";

    /**
     * How long a raw instance (a pool, a client) lives before it is closed and rebuilt on its
     * next use: ISO-8601 ({@code "PT10M"}) or whole seconds ({@code "600"}). {@code "0"} means
     * forever. Empty (the default) uses the config key {@code cdi-connections.default-ttl}, and
     * forever when that is not set.
     *
     * @return the ttl, or empty for the default
     */
    @Nonbinding
    String ttl() default "";

    /**
     * How many live raw instances the cache of this (type, ttl, maxEntries) keeps; the least
     * recently used is closed first. {@link #UNBOUNDED} (the default) sets no bound.
     *
     * @return a positive bound, or {@link #UNBOUNDED}
     */
    @Nonbinding
    int maxEntries() default UNBOUNDED;

    /**
     * Options that take precedence over the secrets section, as {@code "key=value"} strings
     * (Streamlit's {@code **kwargs}): {@code options = {"database=reports", "pool.maximumPoolSize=4"}}.
     *
     * @return the options
     */
    @Nonbinding
    String[] options() default {};

    /**
     * An instance of the qualifier for programmatic lookup, as CDI's own {@code Named.Literal}:
     *
     * <pre>{@code
     * @Inject @Any Instance<SQLConnection> connections;
     * SQLConnection sql = connections.select(Connection.Literal.of("sql")).get();
     * }</pre>
     */
    final class Literal extends AnnotationLiteral<Connection> implements Connection {
        private static final long serialVersionUID = 1L;

        /** The member {@code name()}. */
        private final String name;
        /** The member {@code type()}. */
        private final String type;
        /** The member {@code ttl()}. */
        private final String ttl;
        /** The member {@code maxEntries()}. */
        private final int maxEntries;
        /** The member {@code options()}. */
        private final String[] options;

        private Literal(String name, String type, String ttl, int maxEntries, String[] options) {
            this.name = name;
            this.type = type;
            this.ttl = ttl;
            this.maxEntries = maxEntries;
            this.options = options.clone();
        }

        /**
         * @param name the connection name
         * @return the qualifier with that name and every other member at its default
         */
        public static Literal of(String name) {
            return new Literal(name, "", "", UNBOUNDED, new String[0]);
        }

        /**
         * @param name       the connection name
         * @param type       the type, or empty
         * @param ttl        the ttl, or empty
         * @param maxEntries the bound, or {@link #UNBOUNDED}
         * @param options    {@code key=value} options
         * @return the qualifier
         */
        public static Literal of(String name, String type, String ttl, int maxEntries, String... options) {
            return new Literal(name, type, ttl, maxEntries, options);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String ttl() {
            return ttl;
        }

        @Override
        public int maxEntries() {
            return maxEntries;
        }

        @Override
        public String[] options() {
            return options.clone();
        }

        /** @return the qualifier as source would write it, the values of secret-looking options masked */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("@").append(Connection.class.getName()).append("(name=\"")
                    .append(name).append("\", type=\"").append(type).append("\", ttl=\"").append(ttl)
                    .append("\", maxEntries=").append(maxEntries).append(", options={");
            for (int i = 0; i < options.length; i++) {
                int eq = options[i].indexOf('=');
                String key = eq < 0 ? options[i] : options[i].substring(0, eq);
                String value = eq < 0 ? null : options[i].substring(eq + 1);
                sb.append(i == 0 ? "\"" : ", \"").append(key).append(value == null ? "" : "="
                        + (Redaction.isSecretKey(key.trim()) ? Redaction.MASK : Redaction.url(value))).append('"');
            }
            return sb.append("})").toString();
        }
    }
}
