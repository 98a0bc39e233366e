package io.cdiconnections.tck;

import java.util.Map;

/** The contract, run for a small JDBC type over H2: proves that a well-behaved type passes it. */
class H2ConnectionContractTest extends ConnectionContract<H2Connection, java.sql.Connection> {

    @Override
    protected Class<H2Connection> connectionClass() {
        return H2Connection.class;
    }

    @Override
    protected Section workingSection() {
        return Section.toml("""
                url = "jdbc:h2:mem:contract"
                user = "sa"
                password = "sa-password"
                """);
    }

    @Override
    protected Section wrongSection(String secret) {
        // a database that does not exist: fails at once, as a wrong password would
        return Section.of(Map.of("url", "jdbc:h2:mem:contract_missing;IFEXISTS=TRUE", "user", "sa", "password", secret));
    }

    @Override
    protected void exercise(java.sql.Connection raw) throws Exception {
        SqlConnectionContract.selectOne(raw);
    }
}
