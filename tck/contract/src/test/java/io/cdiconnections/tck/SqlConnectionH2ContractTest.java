package io.cdiconnections.tck;

import java.util.Map;

/** Our own SQLConnection keeps the contract, on embedded H2. */
class SqlConnectionH2ContractTest extends SqlConnectionContract {

    @Override
    protected Section workingSection() {
        return Section.toml("""
                url = "jdbc:h2:mem:contract_sql"
                username = "sa"
                password = "sa-password"
                """);
    }

    @Override
    protected Section wrongSection(String secret) {
        // a database that does not exist: the pool's first connection fails at once
        return Section.of(Map.of("url", "jdbc:h2:mem:contract_sql_missing;IFEXISTS=TRUE", "username", "sa",
                "password", secret));
    }
}
