package io.cdiconnections.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The secrets.toml files of Streamlit's own tutorials (src/test/resources/secrets-examples) give
 * the keys a Streamlit user expects.
 */
class SecretsExamplesTest {

    private static final Path EXAMPLES = TestData.folder("secrets-examples");

    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "connecting-to-data.toml", Map.of(
                    "connections.pets_db.url", "sqlite:///pets.db",
                    "connections.local.url", "mysql://me:****@localhost:3306/local_db",
                    "connections.staging.url", "mysql://jdoe:******@staging.acmecorp.com:3306/staging_db"),
            "mysql.toml", Map.of(
                    "connections.mysql.dialect", "mysql", "connections.mysql.port", "3306",
                    "connections.mysql.query.charset", "xxx"),
            "neon.toml", Map.of("connections.neon.url",
                    "postgresql://neondb_owner:xxxxxxxxxxxx@ep-adjective-noun-xxxxxxxx.us-east-2.aws.neon.tech/neondb?sslmode=require"),
            "postgresql.toml", Map.of(
                    "connections.postgresql.host", "localhost", "connections.postgresql.port", "5432",
                    "connections.postgresql.dialect", "postgresql"),
            "snowflake-connections.toml", Map.of(
                    "default.account", "xxxxxxx-xxxxxxx", "default.private_key_file", "../xxx/xxx.p8"),
            "snowflake-sqlalchemy.toml", Map.of(
                    "connections.snowflake.url", "snowflake://<user_login_name>@<account_identifier>/",
                    "connections.snowflake.create_engine_kwargs.connect_args.authenticator", "externalbrowser"),
            "snowflake.toml", Map.of(
                    "connections.snowflake.account", "xxxxxxx-xxxxxxx", "connections.snowflake.schema", "xxx"),
            "tidb.toml", Map.of(
                    "connections.tidb.driver", "pymysql", "connections.tidb.port", "4000",
                    "connections.tidb.create_engine_kwargs.connect_args.ssl.ca", "<path_to_CA_store>"));

    @Test
    void everyExampleLoadsAndGivesTheKeysAStreamlitUserExpects() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            try (SecretsConfigSource source = Secrets.source(file)) {
                assertThat(source.getPropertyNames()).as(file.toString()).isNotEmpty()
                        .allSatisfy(key -> assertThat(key).matches("(connections|default)\\..+"));
                assertThat(source.getProperties()).as(file.toString())
                        .containsAllEntriesOf(EXPECTED.getOrDefault(file.getFileName().toString(), Map.of()));
            }
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).containsAll(EXPECTED.keySet());
    }
}
