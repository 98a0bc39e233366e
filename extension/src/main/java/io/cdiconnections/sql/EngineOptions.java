package io.cdiconnections.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdiconnections.ConnectionConfigException;
import io.cdiconnections.ConnectionParameters;

/**
 * Streamlit's routing of keyword arguments: {@code st.connection("sql", max_overflow=1)} sends a
 * keyword that is not a connection parameter to {@code create_engine}, where it wins over the same
 * key of {@code create_engine_kwargs} in secrets. An option given in code is routed the same way:
 * {@code option("max_overflow", "1")} becomes {@code create_engine_kwargs.max_overflow}. An option
 * that is neither a parameter of ours nor a {@code create_engine} keyword is an error, as
 * SQLAlchemy's "Invalid argument(s) sent to create_engine()" is, rather than dropped. Keys from
 * secrets are left alone: a section shared with a Streamlit app may hold keys Streamlit ignores.
 */
final class EngineOptions {

    /** The keys of a section this type reads (Streamlit's connection parameters and ours), and {@code type}. */
    static final Set<String> PARAMETERS = Set.of("url", "dialect", "driver", "username", "user", "password",
            "host", "port", "database", "query_ttl", "query_cache_max_bytes", "call_timeout", "autocommit",
            "retry_attempts", "retry_wait", "type", "cache", "cache_provider", "cache_uri", "cache_name");

    /** The tables of a section this type reads, written {@code query.charset}, {@code pool.maximumPoolSize}. */
    static final Set<String> TABLES = Set.of("query", "create_engine_kwargs", "pool");

    /** SQLAlchemy 1.4 and 2.x {@code create_engine} keywords; those without a HikariCP equivalent are warned about. */
    static final Set<String> ENGINE_KEYWORDS = Set.of("pool_size", "max_overflow", "pool_recycle", "pool_timeout",
            "pool_pre_ping", "pool_use_lifo", "pool_reset_on_return", "pool_logging_name", "isolation_level",
            "connect_args", "execution_options", "echo", "echo_pool", "future", "hide_parameters",
            "implicit_returning", "insertmanyvalues_page_size", "use_insertmanyvalues", "json_serializer",
            "json_deserializer", "label_length", "logging_name", "max_identifier_length", "module", "paramstyle",
            "plugins", "pool", "poolclass", "query_cache_size", "creator", "enable_from_linting", "case_sensitive");

    private static final String ENGINE = "create_engine_kwargs.";

    private EngineOptions() {
    }

    /**
     * @param p the parameters, options laid over secrets
     * @return the same parameters with each option named like a {@code create_engine} keyword moved
     *         under {@code create_engine_kwargs}, over what secrets had there
     * @throws ConnectionConfigException naming every option this type does not understand
     */
    static ConnectionParameters route(ConnectionParameters p) {
        Map<String, String> values = new HashMap<>(p.asMap());
        Set<String> fromOptions = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String key : p.keys()) {
            if (!p.isFromOptions(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            String top = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 ? PARAMETERS.contains(key) : TABLES.contains(top)) {
                fromOptions.add(key);
            } else if (ENGINE_KEYWORDS.contains(top)) {
                values.put(ENGINE + key, values.remove(key));
                fromOptions.add(ENGINE + key);
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConnectionConfigException(SqlConfigMessages.sqlUnknownOptions(p.connectionName(), unknown));
        }
        return new ConnectionParameters(p.connectionName(), values, fromOptions);
    }
}
