package io.cdiconnections.tck;

import java.util.Map;

/**
 * Our own SQLConnection keeps the contract on the PostgreSQL server at 127.0.0.1:5432 (trust
 * authentication, database {@code test}), configured the way a Streamlit app's secrets.toml is.
 */
class SqlConnectionPostgresContractTest extends SqlConnectionContract {

    @Override
    protected Section workingSection() {
        return Section.toml("""
                dialect = "postgresql"
                host = "127.0.0.1"
                port = 5432
                database = "test"
                username = "postgres"
                create_engine_kwargs = { pool_size = 2 }
                """);
    }

    @Override
    protected Section wrongSection(String secret) {
        // nothing listens on port 1
        return Section.of(Map.of("dialect", "postgresql", "host", "127.0.0.1", "port", 1, "database", "test",
                "username", "postgres", "password", secret, "create_engine_kwargs", Map.of("pool_size", 2)));
    }
}
